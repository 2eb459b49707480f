package org.ensemble.server.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of fuzzed messages (random bytes, truncated and mutated real frames) sent into one room
 * leave the server serving every other room, and the stored document unharmed.
 */
@ExtendWith(VertxExtension.class)
class MessageFuzzIT {
  private static final int MESSAGES = Integer.getInteger("server.fuzz.messages", 3000);

  @TempDir
  Path dir;

  @Test
  void fuzzedMessagesLeaveEveryOtherRoomServing(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir)) {
      String alice = server.token("alice");
      String target = server.createProject(alice, new JsonObject().put("title", "Target"));
      String other = server.createProject(alice, new JsonObject().put("title", "Bystander"));
      try (SyncClient bystander = SyncClient.connectAndWait(vertx, server.port(), other, alice).awaitSynced()) {
        Random rnd = new Random(42);
        byte[][] valid = validFrames();
        int closedConnections = 0;
        SyncClient attacker = null;
        for (int i = 0; i < MESSAGES; i++) {
          if (attacker == null || attacker.isClosed()) {
            if (attacker != null) {
              closedConnections++;
              attacker.close();
            }
            attacker = SyncClient.connectAndWait(vertx, server.port(), target, alice);
          }
          attacker.send(fuzz(rnd, valid));
          if (i % 20 == 19) {
            attacker.roundTrip(); // let the server judge what was sent so far
          }
        }
        if (attacker != null) {
          attacker.close();
        }
        assertTrue(closedConnections > 0, "malformed messages close their connection");
        // The bystander's room still works, and so does the target room.
        bystander.edit(doc -> doc.getArray("notes").push(List.of(Map.of("id", "still-here"))));
        try (SyncClient second = SyncClient.connectAndWait(vertx, server.port(), other, alice).awaitSynced()) {
          Eventually.await(() -> second.read(d -> d.getArray("notes").toJSON()).toString().contains("still-here"),
              () -> "the other room still serves");
        }
        try (SyncClient again = SyncClient.connectAndWait(vertx, server.port(), target, alice).awaitSynced()) {
          again.edit(doc -> doc.getMap("meta").set("title", "Survived"));
          Eventually.await(() -> server.call("GET", "/api/projects/" + target, alice, null).text().contains("Survived"),
              () -> "the target room still serves");
        }
        assertTrue(server.call("GET", "/health", null, null).status() == 200);
      }
    }
  }

  private static byte[][] validFrames() {
    Doc doc = new Doc();
    doc.getMap("meta").set("title", "x");
    byte[] update = doc.encodeStateAsUpdate();
    return new byte[][] {
        WebsocketMessages.syncStep1(doc),
        WebsocketMessages.update(update),
        WebsocketMessages.syncStep2(new Doc(), null),
        WebsocketMessages.queryAwareness(),
    };
  }

  private static byte[] fuzz(Random rnd, byte[][] valid) {
    byte[] base = valid[rnd.nextInt(valid.length)];
    switch (rnd.nextInt(4)) {
      case 0: {
        byte[] b = new byte[rnd.nextInt(48)];
        rnd.nextBytes(b);
        return b;
      }
      case 1:
        return java.util.Arrays.copyOf(base, rnd.nextInt(base.length + 1));
      case 2: {
        byte[] m = base.clone();
        m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
        return m;
      }
      default:
        return base;
    }
  }
}
