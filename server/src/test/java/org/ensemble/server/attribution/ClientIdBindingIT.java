package org.ensemble.server.attribution;

import static org.ensemble.server.testing.TrackNotes.addNote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Client ids are bound to the user who first writes under them; nobody else may write under them. */
@ExtendWith(VertxExtension.class)
class ClientIdBindingIT {
  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private String alice;
  private String bob;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    alice = server.token("alice");
    bob = server.token("bob");
    project = server.createProject(alice, new JsonObject().put("title", "Duet"));
    server.addMember(alice, project, "bob", "editor");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SyncClient connect(String token) throws Exception {
    return SyncClient.connectAndWait(vertx, server.port(), project, token).awaitSynced();
  }

  private String stored() {
    return server.call("GET", "/api/projects/" + project, alice, null).text();
  }

  private void assertRefused(SyncClient c, String reasonPart, String note) throws Exception {
    assertEquals(CloseCodes.FORBIDDEN, c.awaitClose());
    assertTrue(c.closeReason().contains(reasonPart), c.closeReason());
    Eventually.await(() -> !c.permissionDenied().isEmpty(), () -> "the client is told why");
    assertTrue(c.permissionDenied().get(0).contains(reasonPart), c.permissionDenied().toString());
    assertFalse(stored().contains(note), "nothing of the refused update is applied");
  }

  @Test
  void aClientCannotWriteUnderAnotherUsersClientId() throws Exception {
    try (SyncClient a = connect(alice)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      Eventually.await(() -> stored().contains("n1"), () -> "alice's note stored");
      long alicesId = a.clientId();
      try (SyncClient b = connect(bob)) {
        Eventually.await(() -> b.read(doc -> doc.getArray("tracks").toJSON().toString()).contains("n1"), () -> "synced");
        b.read(doc -> {
          doc.setClientId(alicesId);
          return null;
        });
        b.edit(doc -> addNote(doc, "forged", 30));
        assertRefused(b, "belongs to another user", "forged");
      }
      a.edit(doc -> addNote(doc, "n2", 62));
      Eventually.await(() -> stored().contains("n2"), () -> "alice goes on writing under her id");
      assertFalse(a.read(doc -> doc.getArray("tracks").toJSON().toString()).contains("forged"));
    }
  }

  @Test
  void aClientCannotWriteUnderTheAisOrTheServersClientIds() throws Exception {
    long[] reserved = {ServerClientIds.AI, ServerClientIds.AI_LAST, ServerClientIds.API_EDITS, ServerClientIds.LEDGER};
    String[] reasons = {"the AI's", "the AI's", "reserved for the server", "reserved for the server"};
    for (int i = 0; i < reserved.length; i++) {
      long id = reserved[i];
      try (SyncClient b = connect(bob)) {
        b.read(doc -> {
          doc.setClientId(id);
          return null;
        });
        b.edit(doc -> addNote(doc, "as-" + id, 30));
        assertRefused(b, reasons[i], "as-" + id);
      }
    }
  }

  @Test
  void aUserMayHoldSeveralClientIdsAndKeepsThemAcrossReconnects() throws Exception {
    long first;
    try (SyncClient a1 = connect(alice); SyncClient a2 = connect(alice)) {
      a1.edit(doc -> addNote(doc, "tab1", 60));
      Eventually.await(() -> a2.read(doc -> doc.getArray("tracks").toJSON().toString()).contains("tab1"), () -> "synced");
      a2.edit(doc -> addNote(doc, "tab2", 62));
      Eventually.await(() -> stored().contains("tab1") && stored().contains("tab2"), () -> "both tabs stored");
      first = a1.clientId();
    }
    try (SyncClient again = connect(alice)) {
      again.read(doc -> {
        doc.setClientId(first);
        return null;
      });
      again.edit(doc -> addNote(doc, "reconnected", 64));
      Eventually.await(() -> stored().contains("reconnected"), () -> "same id, same user, accepted");
      assertTrue(again.roundTrip(), "still connected");
    }
  }

  @Test
  void resendingStructsTheServerAlreadyHasIsHarmless() throws Exception {
    try (SyncClient a = connect(alice); SyncClient b = connect(bob)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      Eventually.await(() -> b.read(doc -> doc.getArray("tracks").toJSON().toString()).contains("n1"), () -> "synced");
      // what a client with offline persistence does on start: send its whole state, others' structs included
      b.send(WebsocketMessages.update(b.read(Doc::encodeStateAsUpdate)));
      assertTrue(b.roundTrip(), "not refused");
      b.edit(doc -> addNote(doc, "n2", 62));
      Eventually.await(() -> stored().contains("n2"), () -> "bob writes on");
    }
  }

  @Test
  void aForgedRepeatOfAnotherUsersClocksNeverReachesTheStore() throws Exception {
    long alicesId;
    int known;
    try (SyncClient a = connect(alice)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      a.edit(doc -> addNote(doc, "n2", 62));
      Eventually.await(() -> stored().contains("n2"), () -> "stored");
      alicesId = a.clientId();
      known = a.read(doc -> doc.stateVector().get(alicesId));
    }
    // alice's clocks again, with other content, as one struct spanning several of hers: were it stored,
    // compaction (which merges updates without a document) would keep slices of it over hers
    Doc forged = new Doc();
    forged.setClientId(alicesId);
    List<Object> values = new java.util.ArrayList<>();
    for (int i = 0; i < known - 1; i++) {
      values.add("forged-" + i);
    }
    forged.getArray("tracks").push(values);
    try (SyncClient b = connect(bob)) {
      b.send(WebsocketMessages.update(forged.encodeStateAsUpdate()));
      assertTrue(b.roundTrip(), "a repeat of known clocks is not refused, only dropped");
    }
    server.close();
    List<byte[]> log;
    try (org.ensemble.server.store.DocumentStore store = org.ensemble.server.store.disk.DiskDocumentStore.open(
        org.ensemble.server.store.disk.DiskStoreConfig.defaults(dir.resolve("documents")))) {
      log = store.load(project).toCompletableFuture().get();
    }
    Doc compacted = new Doc();
    compacted.applyUpdate(org.ensemble.server.store.UpdateMerging.merge(log));
    String json = compacted.getArray("tracks").toJSON().toString();
    assertFalse(json.contains("forged"), json);
    assertTrue(json.contains("n1") && json.contains("n2"), json);
    server = TestServer.start(vertx, server.config().withPort(0));
  }

  private int ledgerEntries() {
    return server.call("GET", "/api/projects/" + project + "/attribution", alice, null).body()
        .getJsonObject("ledger").getInteger("entries");
  }

  @Test
  void viewersCannotAddLedgerEntries() throws Exception {
    String carol = server.token("carol");
    server.addMember(alice, project, "carol", "viewer");
    int before = ledgerEntries();
    assertEquals(1, before, "the project's creation");
    try (SyncClient viewer = connect(carol)) {
      viewer.edit(doc -> addNote(doc, "sneaky", 30));
      Eventually.await(() -> !viewer.permissionDenied().isEmpty(), () -> "the viewer is told why");
      viewer.edit(doc -> doc.getMap("meta").set("title", "mine"));
      assertTrue(viewer.roundTrip(), "viewers stay connected");
      assertEquals(2, viewer.permissionDenied().size());
    }
    assertEquals(before, ledgerEntries());
    assertFalse(stored().contains("sneaky"));
    try (SyncClient a = connect(alice)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      Eventually.await(() -> ledgerEntries() == before + 1, () -> "an editor's edit is one entry");
    }
  }

  @Test
  void bindingsSurviveARestart() throws Exception {
    long alicesId;
    try (SyncClient a = connect(alice)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      Eventually.await(() -> stored().contains("n1"), () -> "stored");
      alicesId = a.clientId();
    }
    server.close();
    server = TestServer.start(vertx, server.config().withPort(0));
    try (SyncClient b = connect(bob)) {
      b.read(doc -> {
        doc.setClientId(alicesId);
        return null;
      });
      b.edit(doc -> addNote(doc, "forged", 30));
      assertRefused(b, "belongs to another user", "forged");
    }
  }
}
