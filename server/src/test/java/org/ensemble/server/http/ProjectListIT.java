package org.ensemble.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project list's own operations on a real server: rename (the owner only; bad titles refused and
 * nothing changed), duplicate (owners and editors; the copy has the notes, tracks and settings, is the
 * copier's, and its ledger credits the notes to the copy, named after the source) and each project's
 * last change.
 */
@ExtendWith(VertxExtension.class)
class ProjectListIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String alice;
  private String bob;
  private String carol;
  private String dave;
  private String id;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    alice = server.token("Alice");
    bob = server.token("Bob");
    carol = server.token("Carol");
    dave = server.token("Dave");
    id = server.createProject(alice, new JsonObject().put("title", "Chorale").put("template", "four-part-chorale").put("key", "E minor"));
    server.addMember(alice, id, "bob", "editor");
    server.addMember(alice, id, "carol", "viewer");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private JsonObject listed(String token, String projectId) {
    JsonArray all = server.call("GET", "/api/projects", token, null).body().getJsonArray("projects");
    for (int i = 0; i < all.size(); i++) {
      if (all.getJsonObject(i).getString("id").equals(projectId)) {
        return all.getJsonObject(i);
      }
    }
    return null;
  }

  private JsonObject document(String token, String projectId) {
    return server.call("GET", "/api/projects/" + projectId, token, null).body().getJsonObject("document");
  }

  @Test
  void onlyTheOwnerRenamesAndABadTitleChangesNothing() {
    for (JsonObject bad : new JsonObject[] {new JsonObject().put("title", "   "), new JsonObject().put("title", "x".repeat(201)),
        new JsonObject().put("title", 42), new JsonObject()}) {
      TestServer.Response r = server.call("PATCH", "/api/projects/" + id, alice, bad);
      assertEquals(400, r.status(), bad.encode() + " -> " + r.text());
      assertTrue(r.body().getString("error").contains("title"), r.text());
    }
    assertEquals(403, server.call("PATCH", "/api/projects/" + id, bob, new JsonObject().put("title", "Bob's")).status());
    assertEquals(403, server.call("PATCH", "/api/projects/" + id, carol, new JsonObject().put("title", "Carol's")).status());
    assertEquals(403, server.call("PATCH", "/api/projects/" + id, dave, new JsonObject().put("title", "Dave's")).status());
    assertEquals("Chorale", listed(alice, id).getString("title"));
    assertEquals("Chorale", document(alice, id).getJsonObject("meta").getString("title"));

    assertEquals(200, server.call("PATCH", "/api/projects/" + id, alice, new JsonObject().put("title", "  Evening hymn ")).status());
    assertEquals("Evening hymn", listed(alice, id).getString("title"));
    assertEquals("Evening hymn", listed(bob, id).getString("title"), "the members see the new title");
    assertEquals("Evening hymn", document(carol, id).getJsonObject("meta").getString("title"));
  }

  @Test
  void ownersAndEditorsDuplicateWithNotesTracksAndSettingsCreditedToTheCopy() {
    // A setting that is not the template's, so the copy must carry it.
    JsonObject before = document(alice, id);
    assertEquals(403, server.call("POST", "/api/projects/" + id + "/duplicate", carol, new JsonObject()).status(), "a viewer exports instead");
    assertEquals(403, server.call("POST", "/api/projects/" + id + "/duplicate", dave, new JsonObject()).status(), "not a member");
    assertEquals(400, server.call("POST", "/api/projects/" + id + "/duplicate", bob, new JsonObject().put("title", "")).status());
    assertEquals(400, server.call("POST", "/api/projects/" + id + "/duplicate", bob, new JsonObject().put("title", "y".repeat(201))).status());
    assertEquals(404, server.call("POST", "/api/projects/nosuchproject/duplicate", alice, new JsonObject()).status());
    int aliceHad = server.call("GET", "/api/projects", alice, null).body().getJsonArray("projects").size();

    TestServer.Response made = server.call("POST", "/api/projects/" + id + "/duplicate", bob, new JsonObject());
    assertEquals(201, made.status(), made.text());
    String copy = made.body().getString("id");
    assertNotEquals(id, copy);
    assertEquals("Copy of Chorale", made.body().getString("title"));
    assertEquals("bob", made.body().getJsonObject("owner").getString("id"), "the copy is the copier's");
    assertEquals(new JsonObject(), made.body().getJsonObject("members"), "members are not copied");
    assertEquals("owner", listed(bob, copy).getString("role"));
    assertEquals(aliceHad, server.call("GET", "/api/projects", alice, null).body().getJsonArray("projects").size(),
        "the copy is not shared with the source's owner");

    JsonObject after = document(bob, copy);
    assertEquals(before.getJsonArray("tracks"), after.getJsonArray("tracks"), "tracks, settings and notes (same ids) copied");
    JsonObject meta = after.getJsonObject("meta").copy();
    assertEquals("Copy of Chorale", meta.remove("title"));
    JsonObject sourceMeta = before.getJsonObject("meta").copy();
    sourceMeta.remove("title");
    assertEquals(sourceMeta, meta, "tempo, key and time signature copied");

    // The copy's ledger credits its notes to the copy, named after the source, not to Bob.
    String noteId = after.getJsonArray("tracks").getJsonObject(0).getJsonArray("notes").getJsonObject(0).getString("id");
    JsonObject credit = server.call("GET", "/api/projects/" + copy + "/attribution/notes/" + noteId, bob, null).body();
    JsonObject createdBy = credit.getJsonObject("createdBy");
    assertEquals("copy:" + id, createdBy.getString("actor"), credit.encode());
    assertEquals("copied from \u201cChorale\u201d", createdBy.getString("name"));

    // A title of one's own; the source is untouched.
    TestServer.Response named = server.call("POST", "/api/projects/" + id + "/duplicate", alice, new JsonObject().put("title", " Practice copy "));
    assertEquals(201, named.status(), named.text());
    assertEquals("Practice copy", named.body().getString("title"));
    assertEquals(before, document(alice, id));
  }

  @Test
  void theListSaysWhenEachProjectLastChanged() {
    Instant created = Instant.parse(listed(alice, id).getString("createdAt"));
    Instant first = Instant.parse(listed(alice, id).getString("changedAt"));
    assertTrue(!first.isBefore(created), first + " before " + created);
    // Bob (an editor) renames nothing but edits the document through the server: the rename by Alice
    // is an edit too, and the list shows it for every member.
    assertEquals(200, server.call("PATCH", "/api/projects/" + id, alice, new JsonObject().put("title", "Later")).status());
    Eventually.await(Duration.ofSeconds(10), () -> Instant.parse(listed(bob, id).getString("changedAt")).isAfter(first),
        () -> "the rename shows as the last change: " + listed(bob, id));
    Instant changed = Instant.parse(listed(carol, id).getString("changedAt"));
    assertTrue(changed.isAfter(created), "a viewer sees the same time");
  }
}
