package org.ensemble.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.ensemble.server.testing.TestServer;
import org.ensemble.server.testing.TestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The REST API end to end: sign-in, projects, members, export, errors, health and metrics. */
@ExtendWith(VertxExtension.class)
class RestApiIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String alice;
  private String bob;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    alice = server.token("Alice");
    bob = server.token("bob");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aChoraleProjectIsCreatedReadAndListed() throws Exception {
    Response created = server.call("POST", "/api/projects", alice,
        new JsonObject().put("title", "Chorale").put("template", "four-part-chorale").put("key", "E minor"));
    assertEquals(201, created.status(), created.text());
    String id = created.body().getString("id");
    assertEquals("/api/projects/" + id, created.raw().headers().firstValue("Location").orElse(null));
    Response read = server.call("GET", "/api/projects/" + id, alice, null);
    assertEquals(200, read.status());
    JsonObject doc = read.body().getJsonObject("document");
    assertEquals(4, doc.getJsonArray("tracks").size());
    assertEquals(72, doc.getJsonObject("meta").getNumber("tempoBpm").intValue());
    assertEquals("E", doc.getJsonObject("meta").getJsonObject("key").getString("tonic"));
    assertEquals(0, doc.getJsonArray("problems").size());
    assertEquals("owner", read.body().getString("role"));
    JsonArray list = server.call("GET", "/api/projects", alice, null).body().getJsonArray("projects");
    assertEquals(1, list.size());
    assertEquals(0, server.call("GET", "/api/projects", bob, null).body().getJsonArray("projects").size());
  }

  @Test
  void membersAndRolesDecideWhoMayDoWhat() throws Exception {
    String id = server.createProject(alice, new JsonObject().put("title", "Class example"));
    Response outsider = server.call("GET", "/api/projects/" + id, bob, null);
    assertEquals(403, outsider.status());
    assertEquals("you are not a member of \"Class example\"; ask its owner, Alice, to add you",
        outsider.body().getString("error"));
    server.addMember(alice, id, "bob", "viewer");
    assertEquals(200, server.call("GET", "/api/projects/" + id, bob, null).status());
    assertEquals(403, server.call("PATCH", "/api/projects/" + id, bob, new JsonObject().put("title", "mine")).status());
    assertEquals(403, server.call("DELETE", "/api/projects/" + id, bob, null).status());
    JsonArray members = server.call("GET", "/api/projects/" + id + "/members", bob, null).body().getJsonArray("members");
    assertEquals(2, members.size());
    Response renamed = server.call("PATCH", "/api/projects/" + id, alice, new JsonObject().put("title", "Week 3"));
    assertEquals(200, renamed.status());
    assertEquals("Week 3", server.call("GET", "/api/projects/" + id, bob, null).body()
        .getJsonObject("document").getJsonObject("meta").getString("title"));
    assertEquals(204, server.call("DELETE", "/api/projects/" + id + "/members/bob", bob, null).status());
    assertEquals(403, server.call("GET", "/api/projects/" + id, bob, null).status());
    assertEquals(204, server.call("DELETE", "/api/projects/" + id, alice, null).status());
    assertEquals(404, server.call("GET", "/api/projects/" + id, alice, null).status());
  }

  @Test
  void theMidiExportOpensAndHoldsTheNotes() throws Exception {
    String id = server.createProject(alice, new JsonObject().put("title", "Export").put("template", "four-part-chorale"));
    Response r = server.call("GET", "/api/projects/" + id + "/export.mid", alice, null);
    assertEquals(200, r.status());
    assertEquals("audio/midi", r.raw().headers().firstValue("Content-Type").orElse(null));
    Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(r.raw().body()));
    assertEquals(5, seq.getTracks().length); // conductor + four voices
    int notes = 0;
    for (Track t : seq.getTracks()) {
      for (int i = 0; i < t.size(); i++) {
        if (t.get(i).getMessage() instanceof ShortMessage
            && ((ShortMessage) t.get(i).getMessage()).getCommand() == ShortMessage.NOTE_ON
            && ((ShortMessage) t.get(i).getMessage()).getData2() > 0) {
          notes++;
        }
      }
    }
    Response project = server.call("GET", "/api/projects/" + id, alice, null);
    int expected = 0;
    for (Object t : project.body().getJsonObject("document").getJsonArray("tracks")) {
      expected += ((JsonObject) t).getJsonArray("notes").size();
    }
    assertTrue(expected > 0);
    assertEquals(expected, notes);
  }

  @Test
  void badInputGetsA4xxWithAJsonReasonAndNoStackTrace() throws Exception {
    Response noToken = server.call("GET", "/api/projects", null, null);
    assertEquals(401, noToken.status());
    assertNotNull(noToken.body().getString("error"));
    Response badTemplate = server.call("POST", "/api/projects", alice, new JsonObject().put("template", "symphony"));
    assertEquals(400, badTemplate.status());
    assertTrue(badTemplate.body().getString("error").contains("unknown template"));
    Response badKey = server.call("POST", "/api/projects", alice,
        new JsonObject().put("template", "four-part-chorale").put("key", "H major"));
    assertEquals(400, badKey.status());
    Response noName = server.call("POST", "/api/dev/token", null, null);
    assertEquals(400, noName.status());
    Response badRole = server.call("PUT", "/api/projects/" + server.createProject(alice, new JsonObject())
        + "/members/bob", alice, new JsonObject().put("role", "emperor"));
    assertEquals(400, badRole.status());
    assertEquals(404, server.call("GET", "/api/nothing-here", alice, null).status());
    for (Response r : new Response[] {noToken, badTemplate, badKey, noName, badRole}) {
      assertFalse(r.text().contains("Exception"), r.text());
      assertFalse(r.text().contains("\tat "), r.text());
    }
  }

  @Test
  void healthAndMetricsAnswer() throws Exception {
    Response health = server.call("GET", "/health", null, null);
    assertEquals(200, health.status());
    assertEquals("ok", health.body().getString("status"));
    Response metrics = server.call("GET", "/metrics", null, null);
    assertEquals(200, metrics.status());
    assertTrue(metrics.text().contains("ensemble_rooms"), metrics.text());
    assertTrue(metrics.text().contains("ensemble_connections"));

    // The embedded store's counters: a project's first document was stored with one journal fsync at least.
    server.createProject(alice, new JsonObject());
    String after = server.call("GET", "/metrics", null, null).text();
    assertTrue(counter(after, "ensemble_disk_fsyncs_total") >= 1, after);
    assertTrue(counter(after, "ensemble_disk_appends_total") >= counter(after, "ensemble_disk_fsyncs_total"), after);
    assertTrue(counter(after, "ensemble_disk_fsync_seconds_total") > 0, after);
  }

  private static double counter(String prometheusText, String name) {
    return prometheusText.lines().filter(line -> line.startsWith(name + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
        .orElseThrow(() -> new AssertionError(name + " is not in /metrics"));
  }
}
