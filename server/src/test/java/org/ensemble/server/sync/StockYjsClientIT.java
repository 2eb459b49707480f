package org.ensemble.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.StockYjsClient;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stock y-websocket client (real yjs under Node) and a Java client co-edit one project. */
@ExtendWith(VertxExtension.class)
class StockYjsClientIT {
  @TempDir
  Path dir;

  @Test
  void aStockYWebsocketClientAndAJavaClientConverge(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir)) {
      String alice = server.token("alice");
      String bob = server.token("bob");
      String project = server.createProject(alice, new JsonObject().put("title", "Duet"));
      server.addMember(alice, project, "bob", "editor");
      try (StockYjsClient stock = StockYjsClient.start();
           SyncClient java = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
        stock.connect(server.port(), project, alice);
        stock.call(new JsonObject().put("op", "addNote").put("track", "t1").put("id", "from-js").put("pitch", 67));
        Eventually.await(() -> java.read(d -> d.getArray("tracks").toJSON()).toString().contains("from-js"),
            () -> "the Java client sees the stock client's note");
        java.edit(doc -> {
          YArray notes = (YArray) ((YMap) doc.getArray("tracks").get(0)).get("notes");
          notes.push(List.of(Map.of("id", "from-java", "pitch", 72)));
        });
        JsonObject seen = stock.call(new JsonObject().put("op", "waitFor").put("contains", "from-java").put("timeoutMs", 10_000));
        assertTrue(seen.encode().contains("from-js"));
        JsonArray javaTracks = new JsonArray(Json.stringify(java.read(d -> d.getArray("tracks").toJSON())));
        assertEquals(javaTracks, seen.getJsonObject("json").getJsonArray("tracks"));
        // ws offers permessage-deflate as browsers do; the server declines it (ServerConfig.webSocketDeflate).
        assertEquals("", stock.call(new JsonObject().put("op", "state")).getString("extensions"));
        java.setPresence(Map.of("name", "bob"));
        Eventually.await(() -> {
          try {
            return stock.call(new JsonObject().put("op", "state")).getJsonObject("presence")
                .containsKey(Long.toString(java.clientId()));
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }, () -> "the stock client sees the Java client's presence");
      }
    }
  }
}
