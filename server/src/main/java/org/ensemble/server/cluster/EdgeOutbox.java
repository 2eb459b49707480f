package org.ensemble.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;

/**
 * On a room's owner, what goes back to one edge node: a broadcast to the clients relayed from that
 * edge travels once, with their connection ids, instead of once per client (a room of 50 spread over
 * three nodes sends two relay messages per edit, not 49). Sends made in one event-loop turn are
 * collected and flushed at its end; runs of the same message become one relay message, so each
 * connection still receives its messages in the order they were sent.
 */
final class EdgeOutbox {
  private final String edgeNode;
  private final EventBus bus;
  private final ClusterMetrics metrics;
  private List<Pending> pending = new ArrayList<>();
  private boolean flushScheduled;

  /** A message for a connection, or (message null) the connection's close with its code and reason. */
  private record Pending(String connectionId, byte[] message, short code, String reason) {}

  EdgeOutbox(String edgeNode, EventBus bus, ClusterMetrics metrics) {
    this.edgeNode = edgeNode;
    this.bus = bus;
    this.metrics = metrics;
  }

  /** Queues {@code message} for one relayed connection; may be called from any room's context. */
  void send(String connectionId, byte[] message) {
    add(new Pending(connectionId, message, (short) 0, null));
  }

  /** Queues the close of a relayed connection after what was sent to it before. */
  void close(String connectionId, short code, String reason) {
    add(new Pending(connectionId, null, code, reason));
  }

  private void add(Pending item) {
    boolean schedule;
    synchronized (this) {
      pending.add(item);
      schedule = !flushScheduled;
      flushScheduled = true;
    }
    if (schedule) {
      io.vertx.core.Context context = Vertx.currentContext();
      if (context == null) {
        flush();
      } else {
        context.runOnContext(v -> flush());
      }
    }
  }

  private void flush() {
    List<Pending> batch;
    synchronized (this) {
      batch = pending;
      pending = new ArrayList<>();
      flushScheduled = false;
    }
    int i = 0;
    while (i < batch.size()) {
      Pending first = batch.get(i);
      if (first.message() == null) {
        bus.send(Relay.address(edgeNode), Buffer.buffer(), Relay.op(Relay.CLOSE).addHeader(Relay.CONNECTION,
            first.connectionId()).addHeader(Relay.CODE, Short.toString(first.code())).addHeader(Relay.REASON, first.reason()));
        i++;
        continue;
      }
      byte[] message = first.message();
      StringBuilder connections = new StringBuilder(batch.get(i).connectionId());
      int j = i + 1;
      while (j < batch.size() && batch.get(j).message() == message) {
        connections.append(',').append(batch.get(j).connectionId());
        j++;
      }
      metrics.relayed();
      bus.send(Relay.address(edgeNode), Buffer.buffer(message),
          Relay.op(Relay.SEND).addHeader(Relay.CONNECTION, connections.toString()));
      i = j;
    }
  }
}
