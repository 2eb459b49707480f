package org.ensemble.server.cluster;

import java.util.function.Consumer;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.RoomConnection;

/**
 * On the room's owner, a client connected to another node (its edge): what the room sends it goes
 * back over the event bus to the edge (through the edge's {@link EdgeOutbox}), which writes it to the
 * WebSocket; closing it tells the edge to
 * close the WebSocket with the same code and reason.
 */
final class RelayedConnection implements RoomConnection {
  private final String edgeNode;
  private final String connectionId;
  private final UserIdentity user;
  private final Role role;
  private final EdgeOutbox outbox;
  private final Consumer<RelayedConnection> onClose;
  private volatile boolean closed;

  RelayedConnection(String edgeNode, String connectionId, UserIdentity user, Role role, EdgeOutbox outbox, Consumer<RelayedConnection> onClose) {
    this.edgeNode = edgeNode;
    this.connectionId = connectionId;
    this.user = user;
    this.role = role;
    this.outbox = outbox;
    this.onClose = onClose;
  }

  /** Unique over the cluster: the edge's node id and its connection id. */
  @Override
  public String id() {
    return key(edgeNode, connectionId);
  }

  static String key(String edgeNode, String connectionId) {
    return edgeNode + "/" + connectionId;
  }

  String edgeNode() {
    return edgeNode;
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
    if (!closed) {
      outbox.send(connectionId, message);
    }
  }

  @Override
  public void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    outbox.close(connectionId, code, CloseCodes.reason(reason));
    onClose.accept(this);
  }

  @Override
  public String toString() {
    return id() + "(" + user.id() + ")";
  }
}
