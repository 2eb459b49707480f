package org.ensemble.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.config.Limits;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SilentWebSocket;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every configured limit refuses with its named close code or a permission-denied reason. */
@ExtendWith(VertxExtension.class)
class LimitsIT {
  private static final String SLOW_CONSUMER_COUNTED = "(?s).*ensemble_refused_total\\{reason=\"slow-consumer\"} [1-9].*";
  private static final Limits SMALL = new Limits(16 * 1024, 64 * 1024, 20, 20, 3, 64 * 1024);

  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private String alice;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, TestServer.config(dir).withLimits(SMALL).withAllowedOrigins(List.of("https://studio.example")));
    alice = server.token("alice");
    project = server.createProject(alice, new JsonObject().put("title", "Limits"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SyncClient connect() throws Exception {
    return SyncClient.connectAndWait(vertx, server.port(), project, alice).awaitSynced();
  }

  private static byte[] bigUpdate(int chars) {
    Doc d = new Doc();
    d.getText("notes").insert(0, "x".repeat(chars));
    return d.encodeStateAsUpdate();
  }

  @Test
  void aMessageOverTheSizeLimitClosesWith4413() throws Exception {
    try (SyncClient c = connect()) {
      c.send(WebsocketMessages.update(bigUpdate(20_000)));
      assertEquals(CloseCodes.MESSAGE_TOO_LARGE, c.awaitClose());
      assertTrue(c.closeReason().contains("limit"), c.closeReason());
    }
  }

  @Test
  void tooManyMessagesPerSecondCloseWith4429() throws Exception {
    try (SyncClient c = connect()) {
      for (int i = 0; i < 200 && !c.isClosed(); i++) {
        c.send(WebsocketMessages.queryAwareness());
      }
      assertEquals(CloseCodes.RATE_LIMITED, c.awaitClose());
    }
  }

  @Test
  void tooManyConnectionsOfOneUserAreRefusedWith4429() throws Exception {
    List<SyncClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < SMALL.maxConnectionsPerUser(); i++) {
        open.add(connect());
      }
      try (SyncClient extra = SyncClient.connectAndWait(vertx, server.port(), project, alice)) {
        assertEquals(CloseCodes.RATE_LIMITED, extra.awaitClose());
        assertTrue(extra.closeReason().contains("too many connections"), extra.closeReason());
      }
      assertFalse(open.get(0).isClosed());
    } finally {
      open.forEach(SyncClient::close);
    }
  }

  @Test
  void aDocumentAtItsSizeLimitRefusesFurtherEditsAndKeepsWhatItHas() throws Exception {
    try (SyncClient c = connect()) {
      for (int i = 0; i < 8 && c.permissionDenied().isEmpty(); i++) {
        int n = i;
        c.edit(doc -> doc.getText("notes").insert(0, Integer.toString(n).repeat(12_000)));
        c.roundTrip();
      }
      Eventually.await(() -> !c.permissionDenied().isEmpty(), () -> "the size limit is reached");
      assertTrue(c.permissionDenied().get(0).contains("size limit"), c.permissionDenied().toString());
      assertFalse(c.isClosed());
    }
  }

  @Test
  void aBrowserFromAnotherOriginIsRefusedWith4403() throws Exception {
    CompletableFuture<Short> code = new CompletableFuture<>();
    vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("localhost").setPort(server.port())
        .setURI("/sync/" + project + "?token=" + alice).addHeader("Origin", "https://evil.example"))
        .onSuccess((WebSocket ws) -> ws.closeHandler(v -> code.complete(ws.closeStatusCode())))
        .onFailure(code::completeExceptionally);
    assertEquals(CloseCodes.FORBIDDEN, code.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedWith4408(@TempDir Path other) throws Exception {
    Limits queueOnly = new Limits(1024 * 1024, 1L << 30, 10_000, 10_000, 20, 64 * 1024);
    try (TestServer busy = TestServer.start(vertx, TestServer.config(other).withLimits(queueOnly))) {
      String token = busy.token("alice");
      String room = busy.createProject(token, new JsonObject().put("title", "Busy"));
      try (SyncClient writer = SyncClient.connectAndWait(vertx, busy.port(), room, token).awaitSynced();
           SilentWebSocket silent = SilentWebSocket.open(busy.port(), "/sync/" + room + "?token=" + token)) {
        // Keep the room busy until the silent reader is cut off: every edit (60 kB) is broadcast to it.
        String metrics = "";
        for (int i = 0; i < 2000 && !writer.isClosed() && !metrics.matches(SLOW_CONSUMER_COUNTED); i++) {
          writer.edit(doc -> doc.getArray("notes").push(List.of("y".repeat(60_000))));
          writer.edit(doc -> doc.getArray("notes").delete(0, 1));
          writer.roundTrip();
          metrics = busy.call("GET", "/metrics", null, null).text();
        }
        // The server sends 4408 behind everything the reader left unread, so a reader that does not read
        // never sees it: the server counts why, and the connection ends.
        assertTrue(metrics.matches(SLOW_CONSUMER_COUNTED), "the server cut off the slow consumer");
        assertTrue(silent.drainUntilClosed() >= 0);
        assertFalse(writer.isClosed());
      }
    }
  }
}
