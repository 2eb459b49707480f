package org.ensemble.server.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.sync.Awareness;
import org.ensemble.protocol.sync.SyncMessages;
import org.ensemble.protocol.sync.WebsocketMessage;
import org.ensemble.protocol.sync.WebsocketMessages;

/**
 * A y-websocket client built on {@code protocol/}, behaving like the stock one: it sends sync step 1
 * and its presence on connect, answers step 1 with step 2, applies what it receives and sends its
 * local edits. Its document lives on the socket's context; tests reach it through {@link #read} and
 * {@link #edit}.
 */
public final class SyncClient implements AutoCloseable {
  private final Doc doc = new Doc();
  private final Awareness awareness = new Awareness(doc);
  private final WebSocketClient client;
  private final CompletableFuture<Void> synced = new CompletableFuture<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final List<String> permissionDenied = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger awarenessMessages = new java.util.concurrent.atomic.AtomicInteger();
  private volatile String closeReason;
  private WebSocket socket;
  private Context context;

  private SyncClient(Vertx vertx) {
    this.client = vertx.createWebSocketClient();
  }

  /** Connects to {@code /sync/<projectId>}; completes once the socket is open (not yet synced). */
  public static Future<SyncClient> connect(Vertx vertx, int port, String projectId, String token) {
    SyncClient c = new SyncClient(vertx);
    String uri = "/sync/" + projectId + (token == null ? "" : "?token=" + token);
    Promise<SyncClient> p = Promise.promise();
    c.client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(uri)
        .setAllowOriginHeader(false)).onSuccess(ws -> { // no Origin header, like a non-browser client
      c.socket = ws;
      c.context = Vertx.currentContext();
      ws.closeHandler(v -> {
        c.closeReason = ws.closeReason();
        c.closed.complete(ws.closeStatusCode());
      });
      ws.binaryMessageHandler(b -> c.onMessage(b.getBytes()));
      c.doc.onUpdate((update, origin, txn) -> {
        if (origin != c) {
          c.send(WebsocketMessages.update(update));
        }
      });
      c.awareness.onUpdate((change, origin) -> {
        if (origin == Awareness.LOCAL_ORIGIN) {
          c.send(WebsocketMessages.awareness(c.awareness.encodeAwarenessUpdate(change.changedClients())));
        }
      });
      c.send(WebsocketMessages.syncStep1(c.doc));
      c.send(WebsocketMessages.awareness(c.awareness.encodeAwarenessUpdate(List.of(c.doc.clientId()))));
      p.complete(c);
    }).onFailure(p::fail);
    return p.future();
  }

  public static SyncClient connectAndWait(Vertx vertx, int port, String projectId, String token) throws Exception {
    return connect(vertx, port, projectId, token).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void onMessage(byte[] bytes) {
    WebsocketMessage m = WebsocketMessages.read(bytes);
    if (m instanceof WebsocketMessage.Sync) {
      var s = ((WebsocketMessage.Sync) m).message();
      if (s.type() == SyncMessages.STEP1) {
        send(WebsocketMessages.syncStep2(doc, s.payload()));
      } else {
        doc.applyUpdate(s.payload(), this);
        if (s.type() == SyncMessages.STEP2) {
          synced.complete(null);
        }
      }
    } else if (m instanceof WebsocketMessage.Awareness) {
      awarenessMessages.incrementAndGet();
      awareness.applyAwarenessUpdate(((WebsocketMessage.Awareness) m).update(), this);
    } else if (m instanceof WebsocketMessage.PermissionDenied) {
      permissionDenied.add(((WebsocketMessage.PermissionDenied) m).reason());
    }
  }

  /** Sends raw bytes as one binary message (tests use it for malformed input too). */
  public void send(byte[] message) {
    socket.writeBinaryMessage(Buffer.buffer(message));
  }

  /**
   * Asks the server for everyone's presence and waits for the answer, or for the connection to close:
   * after this, the server has handled everything sent before. Returns false if it closed.
   */
  public boolean roundTrip() {
    int before = awarenessMessages.get();
    if (!closed.isDone()) {
      send(WebsocketMessages.queryAwareness());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (awarenessMessages.get() == before && !closed.isDone()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no answer and no close within 10 s");
      }
      try {
        Thread.sleep(1); // polling interval
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return !closed.isDone();
  }

  public SyncClient awaitSynced() throws Exception {
    synced.get(10, TimeUnit.SECONDS);
    return this;
  }

  /** Runs an edit on the client's document, as a local transaction. */
  public void edit(Consumer<Doc> change) throws Exception {
    run(() -> doc.transact(t -> change.accept(doc)));
  }

  public void setPresence(Object state) throws Exception {
    run(() -> awareness.setLocalState(state));
  }

  /** Reads the client's document on its context. */
  public <T> T read(Function<Doc, T> reader) {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        f.complete(reader.apply(doc));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("reading the client's document failed", e);
    }
  }

  public <T> T readAwareness(Function<Awareness, T> reader) {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> f.complete(reader.apply(awareness)));
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void run(Runnable task) throws Exception {
    CompletableFuture<Void> f = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        task.run();
        f.complete(null);
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    f.get(10, TimeUnit.SECONDS);
  }

  public long clientId() {
    return doc.clientId();
  }

  /** The close code the server sent, waiting for the close. */
  public short awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  public String closeReason() {
    return closeReason;
  }

  public List<String> permissionDenied() {
    return permissionDenied;
  }

  @Override
  public void close() {
    if (socket != null && !socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
