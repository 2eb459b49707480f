package org.ensemble.server.history;

import static org.ensemble.server.testing.Notes.delete;
import static org.ensemble.server.testing.Notes.find;
import static org.ensemble.server.testing.Notes.note;
import static org.ensemble.server.testing.Notes.notesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.KeySignature;
import org.ensemble.schema.ProjectMaps;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.schema.TimeSignature;
import org.ensemble.server.attribution.AiEdits;
import org.ensemble.server.attribution.AiProvenance;
import org.ensemble.server.auth.UserIdentity;
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
 * Versions, restores and selective rollbacks through the API, with a collaborator connected through a
 * real sync client who sees each restore and rollback arrive live, and the ledger asked who wrote what.
 */
@ExtendWith(VertxExtension.class)
class VersionsIT {
  private static final int BAR = 1920; // the chorale template: 480 ticks a quarter, 4/4

  @TempDir
  Path dir;
  private TestServer server;
  private String owner;
  private String bob;
  private String viewer;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.config(dir).withCheckpointPauseSeconds(1));
    owner = server.token("Olga");
    bob = server.token("bob");
    viewer = server.token("vic");
    project = server.createProject(owner, new JsonObject().put("title", "Chorale").put("template", "four-part-chorale"));
    server.addMember(owner, project, "bob", "editor");
    server.addMember(owner, project, "vic", "viewer");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aVersionListsWhatChangedByWhomAndIsRestoredAsTheRestorersOwnEdit(Vertx vertx) throws Exception {
    JsonObject v1 = call("POST", "/versions", owner, new JsonObject().put("name", "the template"), 201);
    assertEquals("the template", v1.getString("title"));
    assertEquals("olga", v1.getJsonObject("by").getString("id"));
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      int sopranoPitch = studio.read(doc -> ((Number) find(doc, "soprano-0").get("pitch")).intValue());
      studio.edit(doc -> {
        notesOf(doc, "tenor").push(List.of(note("bob-1", 55, 3 * BAR)));
        notesOf(doc, "alto").push(List.of(note("bob-2", 62, 3 * BAR)));
        delete(doc, "bass-0");
        find(doc, "soprano-0").set("pitch", 79);
      });
      Eventually.await(() -> server.call("GET", "/api/projects/" + project + "/attribution/notes/bob-2", owner, null).status() == 200,
          () -> "bob's edit stored");
      String bobsVersion = call("POST", "/versions", bob, new JsonObject().put("name", "bob's ideas"), 201).getString("id");

      JsonObject list = call("GET", "/versions", viewer, null, 200);
      JsonArray versions = list.getJsonArray("versions");
      JsonObject newest = versions.getJsonObject(0);
      assertEquals("bob's ideas", newest.getString("title"), list.encodePrettily());
      // Bob's edit is in "bob's ideas", or, when a pause of a second passed first (a loaded machine), in
      // the automatic checkpoint taken just before it; either way in one version, with all of it.
      List<JsonObject> since = versions.stream().map(v -> (JsonObject) v)
          .takeWhile(v -> !v.getString("id").equals(v1.getString("id"))).toList();
      List<JsonObject> withChanges = since.stream().filter(v -> v.getJsonObject("changes").getInteger("added") > 0).toList();
      assertEquals(1, withChanges.size(), list.encodePrettily());
      JsonObject changes = withChanges.get(0).getJsonObject("changes");
      assertEquals(2, changes.getInteger("added"), changes.encode());
      assertEquals(1, changes.getInteger("removed"));
      assertEquals(1, changes.getInteger("changed"));
      JsonObject bobs = changes.getJsonArray("authors").getJsonObject(0);
      assertEquals("bob", bobs.getString("id"));
      assertEquals(List.of(2, 1, 1), List.of(bobs.getInteger("added"), bobs.getInteger("removed"), bobs.getInteger("changed")));

      JsonObject old = call("GET", "/versions/" + v1.getString("id"), viewer, null, 200);
      Set<String> oldIds = noteIds(old);
      assertTrue(oldIds.contains("bass-0") && !oldIds.contains("bob-1"), oldIds.toString());
      JsonObject compare = call("GET", "/versions/" + v1.getString("id") + "/compare", viewer, null, 200)
          .getJsonObject("changes").getJsonObject("notes");
      assertEquals(Set.of("bob-1", "bob-2"), ids(compare.getJsonArray("added")));
      assertEquals(Set.of("bass-0"), ids(compare.getJsonArray("removed")));
      JsonObject changed = compare.getJsonArray("changed").getJsonObject(0);
      assertEquals(79, changed.getJsonObject("after").getInteger("pitch"));
      assertEquals("bob", changed.getJsonObject("by").getString("id"));

      Response refused = server.call("POST", "/api/projects/" + project + "/versions/" + v1.getString("id") + "/restore", viewer, new JsonObject());
      assertEquals(403, refused.status(), refused.text());
      assertEquals(404, server.call("POST", "/api/projects/" + project + "/versions/0000000000000-zzzz/restore", owner,
          new JsonObject()).status());

      JsonObject restored = call("POST", "/versions/" + v1.getString("id") + "/restore", owner, new JsonObject(), 200);
      assertEquals(bobsVersion, restored.getJsonObject("before").getString("id"),
          "nothing changed since bob's version: it is the one to go back to, not a copy of it");
      assertEquals(List.of(1, 2, 1), List.of(restored.getJsonObject("edit").getInteger("notesAdded"),
          restored.getJsonObject("edit").getInteger("notesRemoved"), restored.getJsonObject("edit").getInteger("notesChanged")));
      Eventually.await(() -> studio.read(doc -> ids(doc)).equals(oldIds), () -> "bob sees the restore: " + studio.read(VersionsIT::ids));
      assertEquals((Integer) sopranoPitch, studio.read(doc -> ((Number) find(doc, "soprano-0").get("pitch")).intValue()),
          "soprano-0's pitch set back");
    }
    // The restore is Olga's edit; the past stays: the template wrote bass-0 first, bob deleted it, Olga put it back.
    JsonObject bass = call("GET", "/attribution/notes/bass-0", owner, null, 200);
    assertEquals("template:four-part-chorale", bass.getJsonObject("createdBy").getString("actor"), bass.encodePrettily());
    assertEquals("olga", bass.getJsonObject("restoredBy").getString("actor"), bass.encodePrettily());
    JsonObject history = call("GET", "/attribution/timeline", owner, null, 200);
    assertTrue(history.encode().contains("\"bob\""), "bob's edit is still in the ledger");
    JsonObject afterRestore = call("GET", "/versions", owner, null, 200).getJsonObject("sinceLatest");
    assertEquals(List.of(1, 2, 1), List.of(afterRestore.getInteger("added"), afterRestore.getInteger("removed"),
        afterRestore.getInteger("changed")), "the restore, since bob's version: " + afterRestore.encode());
    assertEquals("olga", afterRestore.getJsonArray("authors").getJsonObject(0).getString("id"), afterRestore.encode());
  }

  @Test
  void aRestoreSetsTheTitleTempoKeyAndMetreBackAndAVersionIsReadWithItsOwnSettings(Vertx vertx) throws Exception {
    JsonObject v1 = call("POST", "/versions", owner, new JsonObject().put("name", "as it began"), 201);
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      JsonObject before = studio.read(doc -> meta(doc));
      // Renamed the way the project list does it: the document's title and the project's record.
      call("PATCH", "", owner, new JsonObject().put("title", "Chorale in D minor"), 200);
      studio.edit(doc -> {
        YMap meta = doc.getMap(ProjectSchema.META);
        meta.set(ProjectSchema.Meta.TEMPO_BPM, 96);
        meta.set(ProjectSchema.Meta.KEY, ProjectMaps.keyValue(new KeySignature("D", KeySignature.Mode.MINOR)));
        meta.set(ProjectSchema.Meta.TIME_SIGNATURE, ProjectMaps.timeSignatureValue(new TimeSignature(3, 4)));
        notesOf(doc, "tenor").push(List.of(note("bob-3", 55, 3 * BAR)));
      });
      Eventually.await(() -> server.call("GET", "/api/projects/" + project + "/attribution/notes/bob-3", owner, null).status() == 200,
          () -> "bob's edit stored");
      String bobs = call("POST", "/versions", bob, new JsonObject().put("name", "in D minor, 3/4"), 201).getString("id");

      // Each version is read with the settings it had.
      JsonObject was = call("GET", "/versions/" + v1.getString("id"), viewer, null, 200).getJsonObject("meta");
      assertEquals("Chorale", was.getString("title"));
      assertEquals(72, was.getNumber("tempoBpm").intValue());
      assertEquals(new JsonObject().put("tonic", "C").put("mode", "major"), was.getJsonObject("key"));
      assertEquals(new JsonArray(List.of(4, 4)), was.getJsonArray("timeSignature"));
      assertEquals(480, was.getNumber("ticksPerQuarter").intValue());
      JsonObject then = call("GET", "/versions/" + bobs, viewer, null, 200).getJsonObject("meta");
      assertEquals("Chorale in D minor", then.getString("title"));
      assertEquals(96, then.getNumber("tempoBpm").intValue());
      assertEquals("D", then.getJsonObject("key").getString("tonic"));
      assertEquals(new JsonArray(List.of(3, 4)), then.getJsonArray("timeSignature"));

      // A whole restore sets them back, in the same edit as the notes, and bob sees it live.
      JsonObject edit = call("POST", "/versions/" + v1.getString("id") + "/restore", owner, new JsonObject(), 200).getJsonObject("edit");
      assertEquals(new JsonArray(List.of("title", "tempoBpm", "key", "timeSignature")), edit.getJsonArray("settingsChanged"), edit.encode());
      assertEquals(1, edit.getInteger("notesRemoved"));
      Eventually.await(() -> studio.read(doc -> meta(doc)).equals(before),
          () -> "bob sees the settings back: " + studio.read(doc -> meta(doc)).encode());
      JsonObject now = call("GET", "", viewer, null, 200).getJsonObject("document").getJsonObject("meta");
      assertEquals("Chorale", now.getString("title"));
      assertEquals(72, now.getNumber("tempoBpm").intValue());
      assertEquals(List.of("Chorale"), server.call("GET", "/api/projects", owner, null).body().getJsonArray("projects")
          .stream().map(p -> ((JsonObject) p).getString("title")).toList(), "the project list says the restored title");

      // Restoring only some notes (a rollback's undo) leaves the settings alone.
      JsonObject some = call("POST", "/versions/" + bobs + "/restore", owner,
          new JsonObject().put("notes", new JsonArray(List.of("bob-3"))), 200).getJsonObject("edit");
      assertEquals(new JsonArray(), some.getJsonArray("settingsChanged"));
      assertEquals(1, some.getInteger("notesAdded"));
      assertEquals(72, call("GET", "", viewer, null, 200).getJsonObject("document").getJsonObject("meta").getNumber("tempoBpm").intValue());
    }
  }

  @Test
  void aRollbackOfTheAisTenorNotesLeavesEverythingElseAndIsUndoneByRestoringThem(Vertx vertx) throws Exception {
    AiProvenance ai = new AiProvenance("chorale-1", "test", "{}", "bob", "s1");
    AiEdits.accept(server.rooms(), project, ai, new UserIdentity("bob", "bob"), false, doc -> {
      notesOf(doc, "tenor").push(List.of(note("ai-t1", 55, 2 * BAR), note("ai-t2", 57, 2 * BAR + 960)));
      notesOf(doc, "bass").push(List.of(note("ai-b1", 43, 2 * BAR)));
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      studio.edit(doc -> notesOf(doc, "tenor").push(List.of(note("bob-t", 52, 2 * BAR + 480))));
      Eventually.await(() -> server.call("GET", "/api/projects/" + project + "/attribution/notes/bob-t", owner, null).status() == 200,
          () -> "bob's note stored");
      Set<String> before = studio.read(VersionsIT::ids);

      Response refused = server.call("POST", "/api/projects/" + project + "/rollback", viewer, new JsonObject().put("author", "ai"));
      assertEquals(403, refused.status());
      assertEquals(400, server.call("POST", "/api/projects/" + project + "/rollback", owner, new JsonObject()).status());

      JsonObject done = call("POST", "/rollback", owner, new JsonObject().put("author", "ai").put("track", "tenor"), 200);
      assertEquals(2, done.getInteger("removed"), done.encode());
      Set<String> expected = new TreeSet<>(before);
      expected.removeAll(Set.of("ai-t1", "ai-t2"));
      Eventually.await(() -> studio.read(VersionsIT::ids).equals(expected), () -> "bob sees the rollback: " + studio.read(VersionsIT::ids));
      JsonObject removal = call("GET", "/attribution/notes/ai-t1", owner, null, 200);
      assertEquals("olga", removal.getJsonObject("deletedBy").getString("actor"), removal.encodePrettily());

      JsonObject undo = done.getJsonObject("undo");
      call("POST", "/versions/" + undo.getString("version") + "/restore", bob, new JsonObject().put("notes", undo.getJsonArray("notes")), 200);
      Eventually.await(() -> studio.read(VersionsIT::ids).equals(before), () -> "the rollback undone: " + studio.read(VersionsIT::ids));
      JsonObject back = call("GET", "/attribution/notes/ai-t1", owner, null, 200);
      assertEquals("ai", back.getJsonObject("createdBy").getString("actor"), "still the AI's note: " + back.encodePrettily());
      assertEquals("bob", back.getJsonObject("restoredBy").getString("actor"), "put back by the undoer: " + back.encodePrettily());
    }
  }

  @Test
  void aRollbackOfOneAuthorInBarsUndoesTheirAdditionsDeletionsAndChangesThereOnly(Vertx vertx) throws Exception {
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      int sopranoPitch = studio.read(doc -> ((Number) find(doc, "soprano-0").get("pitch")).intValue());
      studio.edit(doc -> {
        notesOf(doc, "alto").push(List.of(note("bob-bar1", 60, 480), note("bob-bar6", 60, 5 * BAR)));
        find(doc, "soprano-0").set("pitch", sopranoPitch + 1);
        delete(doc, "tenor-0");
      });
      Eventually.await(() -> server.call("GET", "/api/projects/" + project + "/attribution/notes/bob-bar6", owner, null).status() == 200,
          () -> "bob's edit stored");
      JsonObject done = call("POST", "/rollback", owner, new JsonObject().put("author", "bob").put("fromBar", 1).put("toBar", 1), 200);
      assertEquals(List.of(1, 1, 1), List.of(done.getInteger("removed"), done.getInteger("restored"), done.getInteger("reverted")),
          done.encode());
      Eventually.await(() -> studio.read(doc -> ids(doc).contains("tenor-0") && !ids(doc).contains("bob-bar1")
          && ids(doc).contains("bob-bar6") && ((Number) find(doc, "soprano-0").get("pitch")).intValue() == sopranoPitch),
          () -> "bar 1 rolled back, bar 6 kept: " + studio.read(VersionsIT::ids));
    }
  }

  @Test
  void aPauseInEditingLeavesAnAutomaticVersion(Vertx vertx) throws Exception {
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      studio.edit(doc -> notesOf(doc, "alto").push(List.of(note("bob-1", 60, 480))));
      Eventually.await(() -> call("GET", "/versions", owner, null, 200).getJsonArray("versions").stream()
          .anyMatch(v -> "pause".equals(((JsonObject) v).getString("kind"))), () -> "a checkpoint after the pause");
    }
    JsonObject pause = call("GET", "/versions", owner, null, 200).getJsonArray("versions").getJsonObject(0);
    assertEquals("pause", pause.getString("kind"));
    assertEquals(null, pause.getValue("by"));
    assertFalse(call("GET", "/versions", owner, null, 200).getJsonObject("sinceLatest").getInteger("added") > 0);
  }

  private JsonObject call(String method, String path, String token, JsonObject body, int status) {
    Response r = server.call(method, "/api/projects/" + project + path, token, body);
    assertEquals(status, r.status(), method + " " + path + ": " + r.text());
    return r.body();
  }

  /** The document's settings as JSON (key and time signature as plain values). */
  private static JsonObject meta(Doc doc) {
    JsonObject out = new JsonObject();
    YMap meta = doc.getMap(ProjectSchema.META);
    for (String key : List.of("title", "tempoBpm", "key", "timeSignature", "ticksPerQuarter")) {
      Object v = meta.get(key);
      out.put(key, v instanceof Number n ? (Object) n.doubleValue() : v);
    }
    return new JsonObject(out.encode());
  }

  private static Set<String> noteIds(JsonObject version) {
    Set<String> out = new TreeSet<>();
    version.getJsonArray("tracks").forEach(t -> out.addAll(ids(((JsonObject) t).getJsonArray("notes"))));
    return out;
  }

  private static Set<String> ids(JsonArray notes) {
    Set<String> out = new TreeSet<>();
    notes.forEach(n -> out.add(((JsonObject) n).getString("id")));
    return out;
  }

  private static Set<String> ids(Doc doc) {
    Set<String> out = new TreeSet<>();
    for (Object t : doc.getArray("tracks")) {
      for (Object n : (YArray) ((YMap) t).get("notes")) {
        out.add((String) ((YMap) n).get("id"));
      }
    }
    return out;
  }
}
