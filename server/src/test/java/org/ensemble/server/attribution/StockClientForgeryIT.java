package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.StockYjsClient;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A stock yjs + y-websocket client that writes under someone else's client id is refused with 4403. */
@ExtendWith(VertxExtension.class)
class StockClientForgeryIT {
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
    project = server.createProject(alice, new JsonObject().put("title", "Forgery"));
    server.addMember(alice, project, "bob", "editor");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String stored() {
    return server.call("GET", "/api/projects/" + project, alice, null).text();
  }

  private void assertRefusedUnder(long clientId, String reason) throws Exception {
    try (StockYjsClient forger = StockYjsClient.start("authoring-client.mjs")) {
      forger.connect(server.port(), project, bob);
      forger.call(new JsonObject().put("op", "setClientId").put("id", clientId));
      forger.call(new JsonObject().put("op", "addNote").put("track", "t1").put("id", "forged-" + clientId).put("pitch", 1));
      JsonObject closed = forger.call(new JsonObject().put("op", "waitClosed"));
      assertEquals(CloseCodes.FORBIDDEN, closed.getInteger("code"));
      assertTrue(closed.getString("reason").contains(reason), closed.encode());
    }
    assertFalse(stored().contains("forged"), "nothing of it stored or applied");
  }

  @Test
  void aStockClientCannotWriteUnderAnotherUsersOrTheAisClientId() throws Exception {
    long alicesId;
    try (SyncClient a = SyncClient.connectAndWait(vertx, server.port(), project, alice).awaitSynced()) {
      a.edit(doc -> Notes.add(doc, "t1", "n1", 60, 0));
      Eventually.await(() -> stored().contains("n1"), () -> "alice's note stored");
      alicesId = a.clientId();
    }
    assertRefusedUnder(alicesId, "belongs to another user");
    assertRefusedUnder(ServerClientIds.AI, "the AI's");
    JsonObject n1 = server.call("GET", "/api/projects/" + project + "/attribution/notes/n1", bob, null).body();
    assertEquals("alice", n1.getJsonObject("createdBy").getString("actor"));
  }
}
