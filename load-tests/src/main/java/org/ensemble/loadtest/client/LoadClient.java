package org.ensemble.loadtest.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ensemble.loadtest.metrics.Clock;
import org.ensemble.loadtest.metrics.RunMetrics;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.StateVector;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.sync.Awareness;
import org.ensemble.protocol.sync.SyncMessage;
import org.ensemble.protocol.sync.SyncMessages;
import org.ensemble.protocol.sync.WebsocketMessage;
import org.ensemble.protocol.sync.WebsocketMessages;

/**
 * One y-websocket client on {@code protocol/}, behaving as the stock {@code WebsocketProvider} does:
 * on open it sends sync step 1 and its presence, answers step 1 with step 2, applies what it
 * receives, sends every local update (edits made while disconnected reach the server with the next
 * sync), reconnects with the stock backoff after an unexpected close, re-sends every awareness change (its own and, like the stock
 * client, the ones it receives) and runs the awareness check every 3 s (renewing its presence every
 * 15 s). Everything runs on the client's context (one event loop; many clients share one).
 *
 * <p>A <em>probe</em> (saturation runs) integrates only its first sync, which brings the room's track:
 * after that it reads each update's header ({@link UpdateHeader}) to time the edit it carries and does
 * not apply it, and it neither sends nor reads presence. It still writes its own edits, which need no
 * other client's notes. So a receiver costs little more than reading the frame, and the tool, not the
 * server, stops being what limits a saturation search on two cores.
 */
public final class LoadClient {
  static final long MAX_BACKOFF_MS = 2_500;
  /** Keeps a run bounded when a server refuses a client for good. */
  static final int MAX_RECONNECTS = 50;
  /** The origin of transactions and awareness changes that came from the server. */
  private final Object remote = new Object();
  private final ClientSpec spec;
  private final Context context;
  private final RunMetrics metrics;
  private final NoteEdits edits;
  private final Doc doc = new Doc();
  private final Awareness awareness = new Awareness(doc);
  private final Promise<Void> synced = Promise.promise();
  private final boolean probe;
  private final SendLog sendLog;
  private WebSocket socket;
  private boolean leaving;
  private long editTimer = -1;
  private long awarenessTimer = -1;
  private WebSocketClient client;
  private int reconnects;
  private int unsuccessfulInARow;
  private long receivedAtMicros;
  private int received;
  private int receivedUpdates;
  private String closedWith = "";

  public LoadClient(ClientSpec spec, Context context, RunMetrics metrics, NoteEdits edits, boolean probe,
                    SendLog sendLog) {
    this.spec = spec;
    this.probe = probe;
    this.sendLog = sendLog;
    this.context = context;
    this.metrics = metrics;
    this.edits = edits;
    awareness.setLocalState(Map.of("user", Map.of("name", spec.name(), "color", "#30bced")));
    doc.onUpdate((update, origin, txn) -> {
      if (origin != remote) {
        send(WebsocketMessages.update(update));
      }
    });
    if (!probe) {
      awareness.onUpdate((change, origin) ->
          send(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(change.changedClients()))));
      SentAtProbe.attach(doc, remote, sentAt -> metrics.delivered(sentAt, receivedAtMicros));
    }
  }

  public ClientSpec spec() {
    return spec;
  }

  /**
   * Connects and completes once the first sync step 2 is in (failing after {@code timeoutMs}); the
   * time from starting to connect until then is the connect time. Like the stock provider, the client
   * reconnects after an unexpected close (each close still counts as an error) and resyncs.
   */
  public Future<Void> connect(WebSocketClient wsClient, long timeoutMs) {
    context.runOnContext(v -> {
      client = wsClient;
      long start = System.nanoTime();
      long timeout = context.owner().setTimer(timeoutMs, id -> {
        if (synced.tryFail("sync-timeout")) {
          metrics.errors().add("sync-timeout");
        }
      });
      synced.future().onSuccess(x -> {
        context.owner().cancelTimer(timeout);
        metrics.connected((System.nanoTime() - start) / 1_000);
      });
      long firstCheck = 1 + (long) (Math.random() * Awareness.CHECK_INTERVAL_MS);
      awarenessTimer = context.owner().setTimer(firstCheck, id ->
          awarenessTimer = context.owner().setPeriodic(Awareness.CHECK_INTERVAL_MS, p -> awareness.checkOutdated()));
      open();
    });
    return synced.future();
  }

  private void open() {
    client.connect(new WebSocketConnectOptions().setHost(ClientSpec.HOST).setPort(spec.port()).setURI(spec.uri()))
        .onSuccess(this::opened)
        .onFailure(e -> {
          metrics.errors().add("connect-failed: " + e.getClass().getSimpleName());
          reconnectLater();
        });
  }

  /** The stock provider's backoff: min(2^n × 100 ms, 2.5 s), n = unsuccessful connections in a row. */
  private void reconnectLater() {
    if (leaving || reconnects >= MAX_RECONNECTS) {
      synced.tryFail("gave up after " + reconnects + " reconnections");
      return;
    }
    reconnects++;
    long backoffMs = Math.min((1L << Math.min(unsuccessfulInARow, 10)) * 100, MAX_BACKOFF_MS);
    unsuccessfulInARow++;
    context.owner().setTimer(backoffMs, id -> {
      if (!leaving) {
        open();
      }
    });
  }

  private void opened(WebSocket ws) {
    socket = ws;
    unsuccessfulInARow = 0;
    ws.binaryMessageHandler(this::onMessage);
    ws.closeHandler(v -> {
      closedWith = ws.closeStatusCode() + " " + ws.closeReason();
      if (!leaving) {
        metrics.errors().add("closed " + ws.closeStatusCode() + (ws.closeReason() == null ? "" : " " + ws.closeReason()));
        reconnectLater();
      }
    });
    ws.exceptionHandler(e -> metrics.errors().add("socket-error: " + e.getClass().getSimpleName()));
    send(WebsocketMessages.syncStep1(doc));
    if (!probe) {
      send(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(List.of(doc.clientId()))));
    }
  }

  private void onMessage(Buffer buffer) {
    receivedAtMicros = Clock.micros();
    received++;
    metrics.messageReceived();
    WebsocketMessage message;
    try {
      message = WebsocketMessages.read(buffer.getBytes());
    } catch (RuntimeException e) {
      metrics.errors().add("malformed-from-server");
      return;
    }
    if (message instanceof WebsocketMessage.Sync s) {
      SyncMessage m = s.message();
      if (m.type() == SyncMessages.STEP1) {
        send(WebsocketMessages.syncStep2(doc, m.payload()));
      } else if (probe && synced.future().isComplete()) {
        receivedUpdates++;
        UpdateHeader header = UpdateHeader.read(m.payload());
        long sentAt = header == null ? -1 : sendLog.sentAt(header);
        if (sentAt >= 0) {
          metrics.delivered(sentAt, receivedAtMicros);
        }
      } else {
        receivedUpdates++;
        doc.applyUpdate(m.payload(), remote);
        if (m.type() == SyncMessages.STEP2) {
          synced.tryComplete();
        }
      }
    } else if (message instanceof WebsocketMessage.Awareness a && !probe) {
      awareness.applyAwarenessUpdate(a.update(), remote);
    } else if (message instanceof WebsocketMessage.PermissionDenied p) {
      metrics.errors().add("permission-denied: " + p.reason());
    }
  }

  private void send(byte[] message) {
    if (socket != null && !socket.isClosed()) {
      metrics.messageSent();
      socket.writeBinaryMessage(Buffer.buffer(message));
    }
  }

  /** Adds the room's track if the document has none (the room's first client does this). */
  public Future<Boolean> seedTrack() {
    return onContext(() -> NoteEdits.seedTrack(doc));
  }

  /** Writes the client's own first notes (before the timed edits); false if the track has not arrived. */
  public Future<Boolean> seedNotes() {
    return onContext(() -> edits.seedNotes(doc, Clock.micros()));
  }

  /** Whether the room's track has arrived. */
  public Future<Boolean> hasTrack() {
    return onContext(() -> NoteEdits.notesOf(doc) != null);
  }

  /**
   * Edits {@code perSecond} times a second, open loop: edit k is due at {@code firstAt + k / rate}
   * whatever happened to the earlier ones, starting at a random phase.
   */
  public void startEditing(double perSecond) {
    context.runOnContext(v -> {
      double periodMs = 1000.0 / perSecond;
      long firstAtNanos = System.nanoTime() + (long) (Math.random() * periodMs * 1e6);
      scheduleEdit(firstAtNanos, periodMs, 0);
    });
  }

  private void scheduleEdit(long firstAtNanos, double periodMs, long k) {
    long dueNanos = firstAtNanos + (long) (k * periodMs * 1e6);
    long delayMs = Math.max(1, (dueNanos - System.nanoTime() + 500_000) / 1_000_000);
    editTimer = context.owner().setTimer(delayMs, id -> {
      if (leaving) {
        return;
      }
      long sentAt = Clock.micros();
      long clock = doc.stateVector().get(doc.clientId());
      if (edits.edit(doc, sentAt)) {
        sendLog.sent(doc.clientId(), clock, sentAt);
        metrics.editSent(sentAt);
      }
      scheduleEdit(firstAtNanos, periodMs, k + 1);
    });
  }

  public Future<Void> stopEditing() {
    return onContext(() -> {
      if (editTimer >= 0) {
        context.owner().cancelTimer(editTimer);
        editTimer = -1;
      }
      return null;
    });
  }

  /** The state vector, the document's JSON and whether updates are pending, read on the context. */
  public Future<Snapshot> snapshot() {
    return onContext(() -> new Snapshot(Base64.getEncoder().encodeToString(doc.encodeStateVector()),
        probe ? "" : Json.stringify(doc.toJSON()), doc.hasPendingUpdates(), probe, doc.clientId(),
        StateVector.decode(doc.encodeStateVector())));
  }

  /** A line about the client's state, for error messages. */
  public Future<String> describe() {
    return onContext(() -> spec.name() + " (synced " + synced.future().succeeded() + ", socket "
        + (socket == null ? "none" : socket.isClosed() ? "closed " + closedWith : "open") + ", " + received + " messages, "
        + receivedUpdates + " sync messages, state vector " + doc.stateVector() + ", pending " + doc.hasPendingUpdates() + ")");
  }

  /**
   * What a client holds at the end, to check that a room converged. A probe's document holds only its
   * own edits: what counts is that the room's full clients have all of them ({@code vector}).
   */
  public record Snapshot(String stateVector, String json, boolean pending, boolean probe, long clientId,
                         StateVector vector) {
    /** The clock this client's own edits reached. */
    public long ownClock() {
      return vector.get(clientId);
    }
  }

  /** Closes the connection as an expected leave (not counted as an error). */
  public Future<Void> close() {
    return onContext(() -> {
      leaving = true;
      stopTimers();
      if (socket != null && !socket.isClosed()) {
        socket.close();
      }
      return null;
    });
  }

  private void stopTimers() {
    if (editTimer >= 0) {
      context.owner().cancelTimer(editTimer);
    }
    if (awarenessTimer >= 0) {
      context.owner().cancelTimer(awarenessTimer);
    }
  }

  private <T> Future<T> onContext(java.util.function.Supplier<T> task) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        p.complete(task.get());
      } catch (RuntimeException e) {
        p.fail(e);
      }
    });
    return p.future();
  }
}
