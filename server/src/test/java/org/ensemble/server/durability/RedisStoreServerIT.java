package org.ensemble.server.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RedisServer;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole server on the Redis store (a real redis-server on a free port): edits, restart, projects. */
@ExtendWith(VertxExtension.class)
class RedisStoreServerIT {
  @TempDir
  Path dir;

  @Test
  void theServerKeepsProjectsAndDocumentsInRedisAcrossRestarts(Vertx vertx) throws Exception {
    try (RedisServer redis = RedisServer.withAof()) {
      ServerConfig config = TestServer.config(dir).withStore(ServerConfig.StoreKind.REDIS, redis.uri());
      String project;
      String alice;
      try (TestServer server = TestServer.start(vertx, config)) {
        alice = server.token("alice");
        project = server.createProject(alice, new JsonObject().put("title", "In Redis").put("template", "four-part-chorale"));
        try (SyncClient c = SyncClient.connectAndWait(vertx, server.port(), project, alice).awaitSynced()) {
          c.edit(doc -> doc.getArray("sections").push(List.of(Map.of("name", "Coda", "start", 0, "length", 480))));
          Eventually.await(() -> server.call("GET", "/api/projects/" + project, alice, null).text().contains("Coda"),
              () -> "stored in Redis");
        }
      }
      try (TestServer again = TestServer.start(vertx, config)) {
        JsonObject read = again.call("GET", "/api/projects/" + project, alice, null).body();
        assertEquals("In Redis", read.getString("title"));
        assertEquals(4, read.getJsonObject("document").getJsonArray("tracks").size());
        assertTrue(read.encode().contains("Coda"));
      }
    }
  }
}
