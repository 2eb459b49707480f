package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted co-writing session: three people and the AI (one suggestion accepted as it was, one
 * rejected, one accepted and then edited) write one track; every note's authors and every statistic
 * the API gives must come out exactly.
 */
@ExtendWith(VertxExtension.class)
class CoWritingAttributionIT {
  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private final Map<String, String> tokens = new HashMap<>();
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    for (String name : List.of("alice", "bob", "carol", "dave")) {
      tokens.put(name, server.token(name));
    }
    project = server.createProject(tokens.get("alice"), new JsonObject().put("title", "Chorale"));
    server.addMember(tokens.get("alice"), project, "bob", "editor");
    server.addMember(tokens.get("alice"), project, "carol", "editor");
    server.addMember(tokens.get("alice"), project, "dave", "viewer");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SyncClient connect(String name) throws Exception {
    return SyncClient.connectAndWait(vertx, server.port(), project, tokens.get(name)).awaitSynced();
  }

  private JsonObject get(String path) {
    TestServer.Response r = server.call("GET", "/api/projects/" + project + "/attribution" + path, tokens.get("dave"), null);
    assertEquals(200, r.status(), r.text());
    return r.body();
  }

  private static void await(SyncClient c, String text) {
    Eventually.await(() -> c.read(d -> d.getArray("tracks").toJSON().toString()).contains(text), () -> "synced " + text);
  }

  private static AiProvenance suggestion(String id, String requester) {
    return new AiProvenance("chorale-1", "2026-11-26", "{\"mode\":\"infill\",\"temperature\":0.9}", requester, id);
  }

  private void suggest(String id, String requester, int pitch) throws Exception {
    Notes.suggestTwoNotes(server.rooms(), project, suggestion(id, requester), id, pitch);
  }

  /** Moves a suggestion's notes into its track (as new note maps) and removes it from {@code suggestions}. */
  private void accept(String id, String requester, String acceptor) throws Exception {
    AiEdits.accept(server.rooms(), project, suggestion(id, requester), new UserIdentity(acceptor, acceptor), false, doc -> {
      YMap s = (YMap) doc.getMap("suggestions").get(id);
      YArray target = Notes.notesOf(doc, (String) s.get("trackId"));
      for (Object o : (YArray) s.get("notes")) {
        YMap n = (YMap) o;
        target.push(List.of(Notes.note((String) n.get("id"), ((Number) n.get("pitch")).intValue(),
            ((Number) n.get("start")).intValue(), ((Number) n.get("duration")).intValue(),
            ((Number) n.get("velocity")).intValue())));
      }
      doc.getMap("suggestions").delete(id);
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void reject(String id, String requester, String rejector) throws Exception {
    AiEdits.reject(server.rooms(), project, suggestion(id, requester), new UserIdentity(rejector, rejector),
        doc -> doc.getMap("suggestions").delete(id)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void assertNote(String id, String createdBy, Map<String, String> fieldAuthors, String deletedBy) {
    JsonObject n = get("/notes/" + id);
    assertEquals(createdBy, n.getJsonObject("createdBy").getString("actor"), id + ": " + n);
    for (String field : List.of("pitch", "start", "duration", "velocity")) {
      assertEquals(fieldAuthors.getOrDefault(field, createdBy),
          n.getJsonObject("fields").getJsonObject(field).getString("actor"), id + "." + field + ": " + n);
    }
    if (deletedBy == null) {
      assertEquals("present", n.getString("state"));
      assertNull(n.getValue("deletedBy"));
    } else {
      assertEquals("deleted", n.getString("state"));
      assertEquals(deletedBy, n.getJsonObject("deletedBy").getString("actor"));
    }
  }

  private JsonObject author(JsonObject stats, String actor) {
    for (Object o : stats.getJsonArray("authors")) {
      if (actor.equals(((JsonObject) o).getString("actor"))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no author " + actor + " in " + stats);
  }

  @Test
  void threePeopleAndTheAiGetExactlyTheirCredits() throws Exception {
    try (SyncClient alice = connect("alice"); SyncClient bob = connect("bob"); SyncClient carol = connect("carol")) {
      alice.edit(doc -> {
        Notes.add(doc, "soprano", "a1", 67, 0);
        Notes.add(doc, "soprano", "a2", 69, 480);
        Notes.add(doc, "soprano", "a3", 71, 960);
      });
      await(bob, "a3");
      bob.edit(doc -> {
        Notes.add(doc, "soprano", "b1", 72, 1440);
        Notes.add(doc, "soprano", "b2", 74, 1920);
      });
      await(carol, "b2");
      carol.edit(doc -> {
        Notes.find(doc, "a1").set("pitch", 65);
        Notes.find(doc, "b1").set("velocity", 100);
      });
      await(bob, "100");
      bob.edit(doc -> Notes.delete(doc, "a3"));
      suggest("s1", "bob", 60);
      accept("s1", "bob", "alice");
      suggest("s2", "carol", 62);
      reject("s2", "carol", "bob");
      suggest("s3", "alice", 64);
      accept("s3", "alice", "carol");
      await(alice, "s3-n2");
      alice.edit(doc -> Notes.find(doc, "s3-n1").set("duration", 960));
      Eventually.await(() -> get("/notes/s3-n1").getJsonObject("fields").getJsonObject("duration").getInteger("value") == 960,
          () -> "alice's last edit stored");
    }

    assertNote("a1", "alice", Map.of("pitch", "carol"), null);
    assertNote("a2", "alice", Map.of(), null);
    assertNote("a3", "alice", Map.of(), "bob");
    assertNote("b1", "bob", Map.of("velocity", "carol"), null);
    assertNote("b2", "bob", Map.of(), null);
    assertNote("s1-n1", "ai", Map.of(), null);
    assertNote("s1-n2", "ai", Map.of(), null);
    assertNote("s3-n1", "ai", Map.of("duration", "alice"), null);
    assertNote("s3-n2", "ai", Map.of(), null);
    JsonObject ai = get("/notes/s1-n1").getJsonObject("createdBy");
    assertEquals("chorale-1", ai.getString("model"));
    assertEquals("alice", ai.getString("acceptedBy"));
    assertEquals("bob", ai.getString("requestedBy"));
    assertEquals("s1", ai.getString("suggestion"));
    assertEquals("carol", get("/notes/s3-n2").getJsonObject("createdBy").getString("acceptedBy"));
    assertEquals(65, get("/notes/a1").getJsonObject("fields").getJsonObject("pitch").getInteger("value"));

    JsonObject stats = get("");
    JsonObject share = stats.getJsonObject("share");
    assertEquals(8, share.getInteger("notes")); // a1 a2 b1 b2 and four of the AI
    assertEquals(0.5, share.getDouble("human"));
    assertEquals(0.5, share.getDouble("ai"));
    assertCounts(author(stats, "alice"), 2, 3, 1, 0, 2); // her notes and her edit
    // The project's creation (through the API) is the empty template's, not Alice's.
    assertCounts(author(stats, "template:empty"), 0, 0, 0, 0, 1);
    assertCounts(author(stats, "bob"), 2, 2, 0, 1, 2);
    assertCounts(author(stats, "carol"), 0, 0, 2, 0, 1);
    assertCounts(author(stats, "ai"), 4, 4, 0, 0, 6);
    JsonObject suggestions = stats.getJsonObject("suggestions");
    assertEquals(3, suggestions.getInteger("total"));
    assertEquals(1, suggestions.getInteger("accepted"));
    assertEquals(1, suggestions.getInteger("edited"));
    assertEquals(1, suggestions.getInteger("rejected"));
    assertEquals(0, suggestions.getInteger("pending"));
    assertEquals(0.6667, suggestions.getDouble("acceptanceRate"));

    JsonObject timeline = get("/timeline?limit=2");
    JsonArray page = timeline.getJsonArray("entries");
    assertEquals(2, page.size());
    assertEquals("alice", page.getJsonObject(0).getString("actor"));
    assertEquals(new JsonArray().add(new JsonObject().put("noteId", "s3-n1").put("field", "duration")),
        page.getJsonObject(0).getJsonArray("fieldsChanged"));
    assertEquals(new JsonArray().add("s3-n1").add("s3-n2"), page.getJsonObject(1).getJsonArray("notesCreated"));
    int total = timeline.getInteger("total");
    JsonObject older = get("/timeline?limit=100&before=" + timeline.getInteger("next"));
    assertEquals(total - 2, older.getJsonArray("entries").size());
    assertNull(older.getValue("next"));

    JsonObject blame = get("/blame?track=soprano&from=0&to=1440");
    List<String> ids = blame.getJsonArray("notes").stream().map(o -> ((JsonObject) o).getString("noteId")).toList();
    assertEquals(List.of("a1", "a2"), ids);

    String report = server.call("GET", "/api/projects/" + project + "/attribution/report.txt", tokens.get("dave"), null).text();
    assertTrue(report.contains("acceptance rate 67%"), report);
    String credit = get("/report").getJsonObject("credits").getString("soprano");
    assertEquals("Soprano — alice 25%; bob 25%; AI (model chorale-1, accepted by alice) 25%;"
        + " AI (model chorale-1, accepted by carol) 25%", credit);
    assertEquals(List.of(credit), midiTexts("Soprano"));

    // Every export carries the copyright line: the people, and the AI's parts with who accepted them.
    String copyright = get("/report").getString("copyright");
    assertEquals("Copyright " + java.time.Year.now(java.time.ZoneOffset.UTC) + " alice, carol, bob. Parts written by the AI model"
        + " chorale-1 (2026-11-26), accepted by alice, carol.", copyright);
    assertTrue(report.contains(copyright), report);
    assertEquals(copyright, midiCopyright());
  }

  /** The MIDI export's copyright notice, which must be the first event of its first track. */
  private String midiCopyright() throws Exception {
    TestServer.Response r = server.call("GET", "/api/projects/" + project + "/export.mid", tokens.get("dave"), null);
    Sequence seq = MidiSystem.getSequence(new java.io.ByteArrayInputStream(r.raw().body()));
    MetaMessage first = (MetaMessage) seq.getTracks()[0].get(0).getMessage();
    assertEquals(2, first.getType(), "a copyright notice first");
    return new String(first.getData(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theApiRefusesStrangersUnknownNotesAndBadParametersWithReasons() throws Exception {
    String stranger = server.token("eve");
    String base = "/api/projects/" + project + "/attribution";
    TestServer.Response strangers = server.call("GET", base, stranger, null);
    assertEquals(403, strangers.status());
    assertTrue(strangers.text().contains("you are not a member"), strangers.text());
    assertEquals(404, server.call("GET", "/api/projects/nosuchproject/attribution", stranger, null).status());
    assertEquals(401, server.call("GET", base, null, null).status());
    TestServer.Response unknown = server.call("GET", base + "/notes/nope", tokens.get("dave"), null);
    assertEquals(404, unknown.status());
    assertTrue(unknown.text().contains("no note nope"), unknown.text());
    TestServer.Response noTrack = server.call("GET", base + "/blame?from=0&to=10", tokens.get("dave"), null);
    assertEquals(400, noTrack.status());
    assertTrue(noTrack.text().contains("track"), noTrack.text());
    assertEquals(400, server.call("GET", base + "/blame?track=t&from=10&to=5", tokens.get("dave"), null).status());
    TestServer.Response badLimit = server.call("GET", base + "/timeline?limit=5000", tokens.get("dave"), null);
    assertEquals(400, badLimit.status());
    assertTrue(badLimit.text().contains("limit must be from 1 to 200"), badLimit.text());
    assertEquals(400, server.call("GET", base + "/timeline?before=x", tokens.get("dave"), null).status());
  }

  private static void assertCounts(JsonObject author, int surviving, int created, int fieldEdits, int deletions, int updates) {
    assertEquals(surviving, author.getInteger("survivingNotes"), "surviving " + author);
    assertEquals(created, author.getInteger("notesCreated"), "created " + author);
    assertEquals(fieldEdits, author.getInteger("fieldEdits"), "field edits " + author);
    assertEquals(deletions, author.getInteger("deletions"), "deletions " + author);
    assertEquals(updates, author.getInteger("updates"), "updates " + author);
  }

  /** The text events (type 1) of the MIDI export's track named {@code name}. */
  private List<String> midiTexts(String name) throws Exception {
    TestServer.Response r = server.call("GET", "/api/projects/" + project + "/export.mid", tokens.get("dave"), null);
    assertEquals(200, r.status());
    Sequence seq = MidiSystem.getSequence(new java.io.ByteArrayInputStream(r.raw().body()));
    for (Track t : seq.getTracks()) {
      String trackName = null;
      List<String> texts = new java.util.ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        if (t.get(i).getMessage() instanceof MetaMessage) {
          MetaMessage m = (MetaMessage) t.get(i).getMessage();
          String text = new String(m.getData(), java.nio.charset.StandardCharsets.UTF_8);
          if (m.getType() == 3) {
            trackName = text;
          } else if (m.getType() == 1) {
            texts.add(text);
          }
        }
      }
      if (name.equals(trackName)) {
        return texts;
      }
    }
    throw new AssertionError("no track " + name);
  }
}
