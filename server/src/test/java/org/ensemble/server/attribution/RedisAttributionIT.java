package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RedisServer;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole server on Redis (a real redis-server with AOF): authors and bindings survive a restart. */
@ExtendWith(VertxExtension.class)
class RedisAttributionIT {
  @TempDir
  Path dir;

  @Test
  void authorsAndBindingsSurviveARestartOnRedis(Vertx vertx) throws Exception {
    try (RedisServer redis = RedisServer.withAof()) {
      ServerConfig config = TestServer.config(dir).withStore(ServerConfig.StoreKind.REDIS, redis.uri());
      String project;
      String alice;
      String bob;
      long alicesId;
      try (TestServer server = TestServer.start(vertx, config)) {
        alice = server.token("alice");
        bob = server.token("bob");
        project = server.createProject(alice, new JsonObject().put("title", "On Redis"));
        server.addMember(alice, project, "bob", "editor");
        String p = project;
        try (SyncClient a = SyncClient.connectAndWait(vertx, server.port(), project, alice).awaitSynced();
             SyncClient b = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
          a.edit(doc -> Notes.add(doc, "alto", "r1", 62, 0));
          Eventually.await(() -> b.read(d -> d.getArray("tracks").toJSON().toString()).contains("r1"), () -> "synced");
          b.edit(doc -> Notes.find(doc, "r1").set("velocity", 99));
          Eventually.await(() -> server.call("GET", "/api/projects/" + p + "/attribution/notes/r1", alice, null).text()
              .contains("99"), () -> "bob's edit recorded");
          alicesId = a.clientId();
        }
      }
      try (TestServer again = TestServer.start(vertx, config.withPort(0))) {
        JsonObject r1 = again.call("GET", "/api/projects/" + project + "/attribution/notes/r1", alice, null).body();
        assertEquals("alice", r1.getJsonObject("createdBy").getString("actor"));
        assertEquals("bob", r1.getJsonObject("fields").getJsonObject("velocity").getString("actor"));
        assertEquals("alice", r1.getJsonObject("fields").getJsonObject("pitch").getString("actor"));
        try (SyncClient forger = SyncClient.connectAndWait(vertx, again.port(), project, bob).awaitSynced()) {
          forger.read(doc -> {
            doc.setClientId(alicesId);
            return null;
          });
          forger.edit(doc -> Notes.add(doc, "alto", "forged", 30, 480));
          assertEquals(CloseCodes.FORBIDDEN, forger.awaitClose());
        }
      }
    }
  }
}
