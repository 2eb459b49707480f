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
    write(Buffer.buffer(message), message.length);
  }

  /** A broadcast: the buffer made once for every recipient (a write reads its own slice of it). */
  @Override
  public void send(OutgoingMessage message) {
    write(message.buffer(), message.bytes().length);
  }

  private void write(Buffer message, int length) {
    if (closed) {
      return;
    }
    if (queuedBytes.get() + length > maxQueuedBytes) {
      metrics.refused("slow-consumer");
      close(CloseCodes.SLOW_CONSUMER, "too slow: the outgoing queue passed its limit");
      return;
    }
    metrics.sent(length);
    queuedBytes.addAndGet(length);
    socket.writeBinaryMessage(message).onComplete(done -> queuedBytes.addAndGet(-length));
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
