package org.ensemble.server.sync;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicLong;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.metrics.ServerMetrics;

/**
 * A client's WebSocket in a room. A client that lets more than the configured bytes pile up unsent is
 * disconnected rather than buffered without limit. The bytes are counted here, from each write until
 * it reaches the kernel: the socket's own {@code writeQueueFull()} counts messages, not bytes, when
 * the writer is on another event loop (16 of them fill it), which would cut off healthy clients in a
 * burst.
 */
final class WebSocketConnection implements RoomConnection {
  private static final AtomicLong IDS = new AtomicLong();

  private final String id = "ws-" + IDS.incrementAndGet();
  private final ServerWebSocket socket;
  private final UserIdentity user;
  private final Role role;
  private final ServerMetrics metrics;
  private final long maxQueuedBytes;
  private final AtomicLong queuedBytes = new AtomicLong();
  private volatile boolean closed;

  WebSocketConnection(ServerWebSocket socket, UserIdentity user, Role role, ServerMetrics metrics,
                      long maxQueuedBytes) {
    this.socket = socket;
    this.maxQueuedBytes = maxQueuedBytes;
    this.user = user;
    this.role = role;
    this.metrics = metrics;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public UserIdentity user() {
    return user;
  }

  @Override
  public Role role() {
    return role;
  }

  @Override
  public void send(byte[] message) {
    if (closed) {
      return;
    }
    if (queuedBytes.get() + message.length > maxQueuedBytes) {
      metrics.refused("slow-consumer");
      close(CloseCodes.SLOW_CONSUMER, "too slow: the outgoing queue passed its limit");
      return;
    }
    metrics.sent(message.length);
    queuedBytes.addAndGet(message.length);
    // Copied into the socket's buffer (Vert.x's public API has no wrapping buffer; its internal
    // BufferInternal did, without a copy): one small copy per connection and message.
    socket.writeBinaryMessage(Buffer.buffer(message))
        .onComplete(done -> queuedBytes.addAndGet(-message.length));
  }

  @Override
  public void close(short code, String reason) {
    if (!closed) {
      closed = true;
      socket.close(code, CloseCodes.reason(reason));
    }
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return id + "(" + user.id() + ")";
  }
}
