package org.ensemble.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.ensemble.server.testing.TestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part-writing feedback through the API: a teacher plants parallel fifths in a chorale through a sync
 * connection, as the studio would, and a viewer asks for the findings.
 */
@ExtendWith(VertxExtension.class)
class PartWritingApiIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String teacher;
  private String student;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    teacher = server.token("Teacher");
    student = server.token("student");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aPlantedParallelFifthIsFoundAndExplainedToAViewer(Vertx vertx) throws Exception {
    String id = server.createProject(teacher, new JsonObject().put("title", "Week 4").put("template", "four-part-chorale")
        .put("key", "G major"));
    server.addMember(teacher, id, "student", "viewer");
    String path = "/api/projects/" + id + "/part-writing";
    Response before = server.call("GET", path, student, null);
    assertEquals(200, before.status(), before.text());
    assertEquals(0, before.body().getJsonObject("counts").getInteger("parallel-fifths"));
    assertEquals(new JsonObject().put("soprano", "soprano").put("alto", "alto").put("tenor", "tenor").put("bass", "bass"),
        before.body().getJsonObject("tracks"));
    assertEquals(3, before.body().getInteger("chordChanges"));

    // Tenor D3 over the bass's G2, then G3 over C3: a fifth moving up to a fifth (G major, as in
    // docs/document-schema.md's example).
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), id, teacher).awaitSynced()) {
      studio.edit(doc -> {
        setPitch(doc.getArray("tracks"), "tenor", "tenor-0", 50);
        setPitch(doc.getArray("tracks"), "tenor", "tenor-1", 55);
        setPitch(doc.getArray("tracks"), "tenor", "tenor-2", 54); // F#3 over D3: no second pair of fifths
      });
      Eventually.await(() -> server.call("GET", path, student, null).body().getJsonObject("counts")
          .getInteger("parallel-fifths") == 1, () -> "the planted fifths found: " + server.call("GET", path, student, null).text());
    }
    JsonObject after = server.call("GET", path, student, null).body();
    JsonObject fifths = after.getJsonArray("findings").stream().map(JsonObject.class::cast)
        .filter(f -> f.getString("rule").equals("parallel-fifths")).findFirst().orElseThrow();
    assertEquals(1, fifths.getInteger("bar"));
    assertEquals(2, fifths.getInteger("beat"));
    assertEquals(new JsonArray(List.of("tenor", "bass")), fifths.getJsonArray("voices"));
    assertEquals(new JsonArray(List.of("tenor-0", "tenor-1", "bass-0", "bass-1")), fifths.getJsonArray("noteIds"));
    assertTrue(fifths.getString("explanation").contains("D3 over G2 to G3 over C3"), fifths.encode());

    Response onlySpacing = server.call("GET", path + "?rules=spacing,range", student, null);
    assertEquals(200, onlySpacing.status());
    assertEquals(new JsonArray(List.of("spacing", "range")), onlySpacing.body().getJsonArray("rules"));
    assertTrue(onlySpacing.body().getJsonArray("findings").stream()
        .allMatch(f -> List.of("spacing", "range").contains(((JsonObject) f).getString("rule"))));
  }

  @Test
  void unknownRulesAndStrangersAreRefused() throws Exception {
    String id = server.createProject(teacher, new JsonObject().put("title", "Empty"));
    String path = "/api/projects/" + id + "/part-writing";
    Response unknown = server.call("GET", path + "?rules=parallel-fifths,parallel-fourths", teacher, null);
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().getString("error").contains("parallel-fourths")
        && unknown.body().getString("error").contains("leading-tone"), unknown.text());
    assertEquals(400, server.call("GET", path + "?rules=", teacher, null).status());
    assertEquals(403, server.call("GET", path, student, null).status(), "a stranger is told they are not a member");
    Response empty = server.call("GET", path, teacher, null);
    assertEquals(200, empty.status());
    assertEquals(0, empty.body().getJsonArray("findings").size());
    assertEquals(new JsonObject(), empty.body().getJsonObject("tracks"));
  }

  private static void setPitch(YArray tracks, String trackId, String noteId, int pitch) {
    for (Object t : tracks) {
      YMap track = (YMap) t;
      if (trackId.equals(track.get("id"))) {
        for (Object n : (YArray) track.get("notes")) {
          if (noteId.equals(((YMap) n).get("id"))) {
            ((YMap) n).set("pitch", pitch);
            return;
          }
        }
      }
    }
    throw new AssertionError("no note " + noteId + " in " + trackId);
  }
}
