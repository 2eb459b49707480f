package org.ensemble.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.ensemble.server.testing.TrackNotes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person exports everything they can see, then deletes their account: their own projects go (with
 * ledger and training consent), they leave other people's projects, their tokens stop working, and
 * nothing else changes: other people's projects keep their notes and credit the deleted person by name.
 */
@ExtendWith(VertxExtension.class)
class AccountDeletionIT {
  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private String alice;
  private String bob;
  private String carol;
  private String alicesProject;
  private String bobsProject;
  private String carolsProject;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    alice = server.token("alice");
    bob = server.token("bob");
    carol = server.token("carol");
    alicesProject = server.createProject(alice, new JsonObject().put("title", "Alice's song"));
    bobsProject = server.createProject(bob, new JsonObject().put("title", "Bob's song"));
    carolsProject = server.createProject(carol, new JsonObject().put("title", "Carol's song"));
    server.addMember(alice, alicesProject, "bob", "editor");
    server.addMember(bob, bobsProject, "alice", "editor");
    server.addMember(bob, bobsProject, "carol", "viewer");
    write(alice, alicesProject, "a1", 60);
    write(alice, bobsProject, "a2", 62);
    write(bob, bobsProject, "b1", 64);
    write(carol, carolsProject, "c1", 67);
    assertEquals(200, server.call("PUT", "/api/projects/" + alicesProject + "/training", alice,
        new JsonObject().put("optIn", true)).status());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private void write(String token, String project, String noteId, int pitch) throws Exception {
    try (SyncClient c = SyncClient.connectAndWait(vertx, server.port(), project, token).awaitSynced()) {
      c.edit(doc -> TrackNotes.addNote(doc, noteId, pitch));
      Eventually.await(() -> server.call("GET", "/api/projects/" + project, token, null).text().contains(noteId),
          () -> noteId + " stored");
    }
  }

  private List<byte[]> stored(String docId) throws Exception {
    return server.documents().load(docId).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theExportHoldsEveryProjectThePersonCanSee() {
    TestServer.Response r = server.call("GET", "/api/account/export", alice, null);
    assertEquals(200, r.status(), r.text());
    assertTrue(r.raw().headers().firstValue("Content-Disposition").orElse("").contains("ensemble-alice.json"));
    JsonArray projects = r.body().getJsonArray("projects");
    List<String> ids = projects.stream().map(p -> ((JsonObject) p).getString("id")).sorted().toList();
    assertEquals(List.of(alicesProject, bobsProject).stream().sorted().toList(), ids);
    for (Object o : projects) {
      JsonObject p = (JsonObject) o;
      assertTrue(p.getJsonObject("document").encode().contains(p.getString("id").equals(alicesProject) ? "a1" : "b1"), p.encode());
      assertTrue(p.getJsonObject("attribution").getString("copyright").startsWith("Copyright "), p.encode());
    }
  }

  @Test
  void deletionRemovesWhatItSaysAndNothingElse() throws Exception {
    TestServer.Response unconfirmed = server.call("DELETE", "/api/account", alice, new JsonObject());
    assertEquals(400, unconfirmed.status());
    assertTrue(unconfirmed.text().contains("confirm"), unconfirmed.text());
    assertEquals(200, server.call("GET", "/api/projects/" + alicesProject, alice, null).status(), "nothing deleted yet");
    assertFalse(stored(alicesProject + "#attribution").isEmpty(), "her project has a ledger");

    TestServer.Response deleted = server.call("DELETE", "/api/account", alice, new JsonObject().put("confirm", "alice"));
    assertEquals(200, deleted.status(), deleted.text());
    assertEquals(new JsonArray().add(alicesProject), deleted.body().getJsonArray("deletedProjects"));
    assertEquals(new JsonArray().add(bobsProject), deleted.body().getJsonArray("leftProjects"));

    // Her tokens no longer work (the sync socket checks tokens the same way).
    assertEquals(401, server.call("GET", "/api/projects", alice, null).status());
    assertEquals(401, server.call("GET", "/api/account/export", alice, null).status());
    // Her project is gone for its members, with its document, ledger and training consent.
    assertEquals(404, server.call("GET", "/api/projects/" + alicesProject, bob, null).status());
    assertEquals(List.of(), stored(alicesProject));
    assertEquals(List.of(), stored(alicesProject + "#attribution"));
    assertFalse(server.call("GET", "/api/projects", bob, null).text().contains(alicesProject));

    // Bob's project keeps its notes, her note included, and credits her by name; she is no member.
    JsonObject bobs = server.call("GET", "/api/projects/" + bobsProject, bob, null).body();
    assertTrue(bobs.encode().contains("\"a2\"") && bobs.encode().contains("\"b1\""), bobs.encode());
    assertEquals(new JsonObject().put("carol", new JsonObject().put("name", "carol").put("role", "viewer")),
        bobs.getJsonObject("members"));
    JsonObject a2 = server.call("GET", "/api/projects/" + bobsProject + "/attribution/notes/a2", bob, null).body();
    assertEquals("alice", a2.getJsonObject("createdBy").getString("name"), a2.encode());
    // Carol's project, and the others' tokens, are untouched.
    assertTrue(server.call("GET", "/api/projects/" + carolsProject, carol, null).text().contains("c1"));
    assertEquals(200, server.call("GET", "/api/projects/" + bobsProject, carol, null).status());
  }

  @Test
  void theOwnerAnonymizesADeletedPersonsAuthorship() throws Exception {
    assertEquals(200, server.call("DELETE", "/api/account", alice, new JsonObject().put("confirm", "alice")).status());
    String authors = "/api/projects/" + bobsProject + "/authors/alice";
    JsonObject name = new JsonObject().put("name", "Former member");
    assertEquals(403, server.call("PUT", authors, carol, name).status(), "the owner's alone");
    assertEquals(400, server.call("PUT", authors, bob, new JsonObject().put("name", "")).status());
    assertEquals(400, server.call("PUT", "/api/projects/" + bobsProject + "/authors/ai", bob, name).status());
    String reportBefore = server.call("GET", "/api/projects/" + bobsProject + "/attribution/report.txt", bob, null).text();
    assertTrue(reportBefore.contains("alice"), reportBefore);

    assertEquals(200, server.call("PUT", authors, bob, name).status());
    JsonObject a2 = server.call("GET", "/api/projects/" + bobsProject + "/attribution/notes/a2", bob, null).body();
    assertEquals("Former member", a2.getJsonObject("createdBy").getString("name"), a2.encode());
    assertTrue(a2.getJsonObject("createdBy").getString("actor").startsWith("anonymous-"), a2.encode());
    JsonObject b1 = server.call("GET", "/api/projects/" + bobsProject + "/attribution/notes/b1", bob, null).body();
    assertEquals("bob", b1.getJsonObject("createdBy").getString("actor"), "others keep their names");
    String report = server.call("GET", "/api/projects/" + bobsProject + "/attribution/report.txt", bob, null).text();
    assertFalse(report.contains("alice"), report);
    assertTrue(report.contains("Copyright ") && report.contains("Former member") && report.contains("bob"), report);
    String json = server.call("GET", "/api/projects/" + bobsProject + "/attribution/report", bob, null).text();
    assertFalse(json.contains("alice"), json);
    byte[] midi = server.call("GET", "/api/projects/" + bobsProject + "/export.mid", bob, null).raw().body();
    String midiText = new String(midi, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(midiText.contains("alice"), "the MIDI file names her no more");
    assertTrue(midiText.contains("Former member"));
    // The notes themselves are unchanged.
    assertTrue(server.call("GET", "/api/projects/" + bobsProject, bob, null).text().contains("\"a2\""));
  }

  @Test
  void deletionHoldsAcrossARestart() throws Exception {
    assertEquals(200, server.call("DELETE", "/api/account", alice, new JsonObject().put("confirm", "alice")).status());
    server.close();
    org.ensemble.server.Stores stores = org.ensemble.server.Stores.open(TestServer.config(dir));
    try {
      assertEquals(List.of(), stores.metadata().keys("training/").toCompletableFuture().get(), "consent deleted");
      assertEquals(List.of("revoked/alice"), stores.metadata().keys("revoked/").toCompletableFuture().get());
      assertEquals(List.of("projects/" + bobsProject, "projects/" + carolsProject).stream().sorted().toList(),
          stores.metadata().keys("projects/").toCompletableFuture().get());
    } finally {
      stores.documents().close();
      stores.metadata().close();
    }
    server = TestServer.start(vertx, dir);
    assertEquals(401, server.call("GET", "/api/projects", alice, null).status(), "revocation is durable");
    assertEquals(200, server.call("GET", "/api/projects", bob, null).status());
    assertEquals(404, server.call("GET", "/api/projects/" + alicesProject + "/training", bob, null).status());
  }
}
