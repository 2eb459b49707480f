package org.ensemble.server.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A restart keeps projects, members and documents. */
@ExtendWith(VertxExtension.class)
class RestartIT {
  @TempDir
  Path dir;

  private static String textOf(TestServer server, String project, String token) {
    try {
      return server.call("GET", "/api/projects/" + project, token, null).text();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRestartKeepsTheState(Vertx vertx) throws Exception {
    String project;
    String alice;
    Object before;
    try (TestServer server = TestServer.start(vertx, dir)) {
      alice = server.token("alice");
      project = server.createProject(alice, new JsonObject().put("title", "Keep me").put("template", "four-part-chorale"));
      server.addMember(alice, project, "bob", "viewer");
      try (SyncClient c = SyncClient.connectAndWait(vertx, server.port(), project, alice).awaitSynced()) {
        c.edit(doc -> doc.getArray("sections").push(List.of(Map.of("name", "Coda", "start", 7680, "length", 1920))));
        Eventually.await(() -> textOf(server, project, alice).contains("Coda"), () -> "the edit is stored");
      }
      before = server.call("GET", "/api/projects/" + project, alice, null).body().getJsonObject("document");
    }
    try (TestServer again = TestServer.start(vertx, dir)) {
      JsonObject after = again.call("GET", "/api/projects/" + project, alice, null).body();
      assertEquals(before, after.getJsonObject("document"));
      assertEquals("Keep me", after.getString("title"));
      assertEquals("viewer", after.getJsonObject("members").getJsonObject("bob").getString("role"));
    }
  }
}
