package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.StockYjsClient;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletions and the stock Yjs UndoManager keep correct attribution: a deleted note names its deleter,
 * an undone deletion brings the note back with its first creator and the fields' authors, an undone
 * field change gives the field back to whoever wrote the restored value.
 */
@ExtendWith(VertxExtension.class)
class UndoAttributionIT {
  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private String aliceToken;
  private String bobToken;
  private String carolToken;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    aliceToken = server.token("alice");
    bobToken = server.token("bob");
    carolToken = server.token("carol");
    project = server.createProject(aliceToken, new JsonObject().put("title", "Undo"));
    server.addMember(aliceToken, project, "bob", "editor");
    server.addMember(aliceToken, project, "carol", "editor");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private JsonObject note(String id) {
    TestServer.Response r = server.call("GET", "/api/projects/" + project + "/attribution/notes/" + id, aliceToken, null);
    return r.status() == 200 ? r.body() : new JsonObject();
  }

  private JsonObject awaitNote(String id, Predicate<JsonObject> condition) {
    Eventually.await(() -> condition.test(note(id)), () -> id + ": " + note(id));
    return note(id);
  }

  private static String field(JsonObject note, String field) {
    return note.getJsonObject("fields").getJsonObject(field).getString("actor");
  }

  private static JsonObject op(String op) {
    return new JsonObject().put("op", op);
  }

  @Test
  void deletionsAndUndoKeepCorrectAttribution() throws Exception {
    try (StockYjsClient alice = StockYjsClient.start("authoring-client.mjs");
         SyncClient bob = SyncClient.connectAndWait(vertx, server.port(), project, bobToken).awaitSynced();
         SyncClient carol = SyncClient.connectAndWait(vertx, server.port(), project, carolToken).awaitSynced()) {
      alice.connect(server.port(), project, aliceToken);
      alice.call(op("addNote").put("track", "alto").put("id", "u1").put("pitch", 60));
      Eventually.await(() -> bob.read(d -> d.getArray("tracks").toJSON().toString()).contains("u1"), () -> "bob has u1");
      bob.edit(doc -> Notes.find(doc, "u1").set("velocity", 100));
      alice.call(op("waitFor").put("contains", "100"));

      // alice deletes the note: she is its deleter, and it is still hers
      alice.call(op("deleteNote").put("id", "u1"));
      JsonObject deleted = awaitNote("u1", n -> "deleted".equals(n.getString("state")));
      assertEquals("alice", deleted.getJsonObject("deletedBy").getString("actor"));
      assertEquals("alice", deleted.getJsonObject("createdBy").getString("actor"));
      assertEquals("bob", field(deleted, "velocity"));
      assertEquals(100, deleted.getJsonObject("fields").getJsonObject("velocity").getInteger("value"));

      // she undoes it: Yjs writes a copy under her client id; the credits stay where they were
      assertTrue(alice.call(op("undo")).getBoolean("undone"));
      JsonObject restored = awaitNote("u1", n -> "present".equals(n.getString("state")));
      assertEquals("alice", restored.getJsonObject("createdBy").getString("actor"));
      assertEquals("alice", restored.getJsonObject("restoredBy").getString("actor"));
      assertEquals("bob", field(restored, "velocity"));
      assertEquals("alice", field(restored, "pitch"));

      // a field change undone goes back to the author of the value it restores
      carol.edit(doc -> Notes.add(doc, "alto", "u2", 60, 480));
      alice.call(op("waitFor").put("contains", "u2"));
      alice.call(op("setField").put("id", "u2").put("field", "pitch").put("value", 64));
      assertEquals("alice", field(awaitNote("u2", n -> n.containsKey("fields")
          && n.getJsonObject("fields").getJsonObject("pitch").getInteger("value") == 64), "pitch"));
      assertTrue(alice.call(op("undo")).getBoolean("undone"));
      JsonObject reverted = awaitNote("u2", n -> n.getJsonObject("fields").getJsonObject("pitch").getInteger("value") == 60);
      assertEquals("carol", field(reverted, "pitch"));
      assertEquals(3, reverted.getJsonObject("fields").getJsonObject("pitch").getInteger("writes"));

      // an insertion undone is a deletion by the one who undid it
      alice.call(op("addNote").put("track", "alto").put("id", "u3").put("pitch", 67).put("start", 960));
      awaitNote("u3", n -> "present".equals(n.getString("state")));
      assertTrue(alice.call(op("undo")).getBoolean("undone"));
      JsonObject undone = awaitNote("u3", n -> "deleted".equals(n.getString("state")));
      assertEquals("alice", undone.getJsonObject("createdBy").getString("actor"));
      assertEquals("alice", undone.getJsonObject("deletedBy").getString("actor"));
    }
    JsonObject stats = server.call("GET", "/api/projects/" + project + "/attribution", aliceToken, null).body();
    JsonObject alice = stats.getJsonArray("authors").stream().map(o -> (JsonObject) o)
        .filter(a -> "alice".equals(a.getString("actor"))).findFirst().orElseThrow();
    assertEquals(2, alice.getInteger("deletions"), alice.encode()); // u1 (later restored) and u3
    assertEquals(2, alice.getInteger("notesCreated"), alice.encode()); // u1 and u3; the restored copy is not new
    assertEquals(1, alice.getInteger("survivingNotes"), alice.encode()); // u1
    assertEquals(0.5, alice.getDouble("share"), alice.encode()); // u1 of u1 and carol's u2
    assertEquals(1.0, stats.getJsonObject("share").getDouble("human"));
  }
}
