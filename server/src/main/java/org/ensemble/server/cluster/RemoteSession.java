package org.ensemble.server.cluster;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.sync.SyncMessages;
import org.ensemble.protocol.sync.WebsocketMessage;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.RoomSession;

/**
 * On a client's node (the edge), its place in a room another node owns: checked frames go to the
 * owner, what the owner sends goes to the client. An update that does not decode is refused here,
 * with the close code the owner would use, and never travels.
 */
final class RemoteSession implements RoomSession {
  private final RoomConnection connection;
  private final String projectId;
  private final Lease owner;
  private final String nodeId;
  private final EventBus bus;
  private final ClusterMetrics metrics;
  private final Runnable onLeave;
  private volatile boolean left;

  RemoteSession(RoomConnection connection, String projectId, Lease owner, String nodeId, EventBus bus,
                ClusterMetrics metrics, Runnable onLeave) {
    this.connection = connection;
    this.projectId = projectId;
    this.owner = owner;
    this.nodeId = nodeId;
    this.bus = bus;
    this.metrics = metrics;
    this.onLeave = onLeave;
  }

  RoomConnection connection() {
    return connection;
  }

  String projectId() {
    return projectId;
  }

  Lease owner() {
    return owner;
  }

  @Override
  public void receive(WebsocketMessage message, byte[] raw) {
    if (left) {
      return;
    }
    if (message instanceof WebsocketMessage.Sync sync && sync.message().type() != SyncMessages.STEP1) {
      try {
        Updates.readContents(sync.message().payload());
      } catch (DecodingException e) {
        connection.close(CloseCodes.MALFORMED_MESSAGE, "malformed update: " + e.getMessage());
        return;
      }
    }
    metrics.relayed();
    bus.send(Relay.address(owner.nodeId()), Buffer.buffer(raw), Relay.op(Relay.FRAME)
        .addHeader(Relay.CONNECTION, connection.id()).addHeader(Relay.ORIGIN, nodeId));
  }

  @Override
  public void leave() {
    if (left) {
      return;
    }
    left = true;
    bus.send(Relay.address(owner.nodeId()), Buffer.buffer(), Relay.op(Relay.LEAVE)
        .addHeader(Relay.CONNECTION, connection.id()).addHeader(Relay.ORIGIN, nodeId));
    onLeave.run();
  }

  /** The owner sent the client a message. */
  void deliver(byte[] message) {
    connection.send(message);
  }

  /** The owner closed the connection, or is gone: the client reconnects and finds the room's owner anew. */
  void close(short code, String reason) {
    left = true;
    connection.close(code, reason);
    onLeave.run();
  }
}
