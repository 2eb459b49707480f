package org.ensemble.server.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RestClient;
import org.ensemble.server.testing.ServerProcess;
import org.ensemble.server.testing.SyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost: a writer streams notes while an observer records every note the server
 * broadcast (the server broadcasts only what is durably stored); the server process is killed with
 * SIGKILL mid-stream, restarted on the same data, and must hold every note the observer saw.
 */
@ExtendWith(VertxExtension.class)
class ServerCrashIT {
  @TempDir
  Path dir;

  @Test
  void everyAcceptedUpdateSurvivesSigkill(Vertx vertx) throws Exception {
    Set<String> accepted = new ConcurrentSkipListSet<>();
    String project;
    String token;
    try (ServerProcess server = ServerProcess.start(dir)) {
      RestClient rest = new RestClient(server.port());
      token = rest.token("alice");
      project = rest.call("POST", "/api/projects", token, new JsonObject().put("title", "Crash")).getString("id");
      SyncClient observer = SyncClient.connectAndWait(vertx, server.port(), project, token).awaitSynced();
      SyncClient writer = SyncClient.connectAndWait(vertx, server.port(), project, token).awaitSynced();
      // Stream notes without waiting for acknowledgements, at about 150 messages per second (under
      // the per-connection limit), five notes each; the observer's view is what the server accepted.
      Thread stream = new Thread(() -> {
        long next = System.nanoTime();
        for (int i = 0; i < 100_000 && !writer.isClosed(); i += 5) {
          int first = i;
          try {
            writer.edit(doc -> {
              for (int k = first; k < first + 5; k++) {
                doc.getArray("notes").push(List.of(Map.of("id", "n" + k)));
              }
            });
            next += 1_000_000_000L / 150;
            long pause = next - System.nanoTime();
            if (pause > 0) {
              java.util.concurrent.locks.LockSupport.parkNanos(pause); // pacing the load, not waiting for a result
            }
          } catch (Exception e) {
            return; // the server is gone
          }
        }
      }, "writer");
      stream.setDaemon(true);
      stream.start();
      Eventually.await(java.time.Duration.ofSeconds(60), () -> {
        accepted.addAll(observer.read(doc -> ids(doc.getArray("notes"))));
        return accepted.size() >= 1500;
      }, () -> "the observer saw " + accepted.size() + " notes; writer closed: " + writer.isClosed()
          + " (" + writer.closeReason() + ")");
      server.kill();
      accepted.addAll(observer.read(doc -> ids(doc.getArray("notes"))));
      observer.close();
      writer.close();
    }
    try (ServerProcess restarted = ServerProcess.start(dir)) {
      try (SyncClient check = SyncClient.connectAndWait(vertx, restarted.port(), project, token).awaitSynced()) {
        Set<String> stored = check.read(doc -> ids(doc.getArray("notes")));
        Set<String> missing = new TreeSet<>(accepted);
        missing.removeAll(stored);
        assertTrue(missing.isEmpty(), "lost " + missing.size() + " accepted notes of " + accepted.size() + ": " + missing);
        assertTrue(stored.size() >= accepted.size());
      }
    }
  }

  private static Set<String> ids(YArray notes) {
    Set<String> out = new TreeSet<>();
    for (Object o : notes.toArray()) {
      if (o instanceof Map) {
        out.add(String.valueOf(((Map<?, ?>) o).get("id")));
      }
    }
    return out;
  }
}
