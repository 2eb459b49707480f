package org.ensemble.server.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several generation jobs finish at once: their edits, all under the AI's one client id, overlap in
 * time. Each must land (none may reuse another's clocks), for the people in the room and in the store.
 */
@ExtendWith(VertxExtension.class)
class OverlappingAiEditsIT {
  private static final int SUGGESTIONS = 6;

  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private String token;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    token = server.token("alice");
    project = server.createProject(token, new JsonObject().put("title", "Busy"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void overlappingAiEditsAllLand() throws Exception {
    try (SyncClient alice = SyncClient.connectAndWait(vertx, server.port(), project, token).awaitSynced()) {
      List<Future<byte[]>> edits = new ArrayList<>();
      for (int i = 0; i < SUGGESTIONS; i++) {
        String id = "s" + i;
        AiProvenance provenance = new AiProvenance("chorale-1", "test", "{}", "alice", id);
        edits.add(AiEdits.suggest(server.rooms(), project, provenance, doc -> {
          YMap suggestion = new YMap();
          suggestion.set("trackId", "soprano");
          doc.getMap("suggestions").set(id, suggestion);
        }));
      }
      Future.all(edits).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      Eventually.await(() -> alice.read(d -> d.getMap("suggestions").size()) == SUGGESTIONS,
          () -> "alice sees every suggestion: " + alice.read(d -> d.getMap("suggestions").toJSON()));
    }
    String stored = server.call("GET", "/api/projects/" + project, token, null).text();
    for (int i = 0; i < SUGGESTIONS; i++) {
      assertEquals(true, stored.contains("\"s" + i + "\""), "stored s" + i + ": " + stored);
    }
  }
}
