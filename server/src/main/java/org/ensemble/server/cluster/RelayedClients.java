package org.ensemble.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.auth.Role;
import org.ensemble.server.sync.LocalRooms;
import org.ensemble.server.sync.RoomSession;

/**
 * On a room's owner, the clients connected to other nodes: each is a {@link RelayedConnection} in the
 * local room, keyed by its edge node and connection id; what the room sends them leaves through one
 * {@link EdgeOutbox} per edge. Whether this node owns the room is the caller's check.
 */
final class RelayedClients {
  private final LocalRooms local;
  private final EventBus bus;
  private final ClusterMetrics metrics;
  private final Map<String, RoomSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, RelayedConnection> connections = new ConcurrentHashMap<>();
  private final Map<String, EdgeOutbox> outboxes = new ConcurrentHashMap<>();

  RelayedClients(LocalRooms local, EventBus bus, ClusterMetrics metrics) {
    this.local = local;
    this.bus = bus;
    this.metrics = metrics;
  }

  /**
   * Joins a client of another node (a {@link Relay#JOIN} body) to the project's room here; {@code wrap}
   * decorates its session (the owner's bookkeeping of who uses the room).
   */
  Future<Void> join(String projectId, JsonObject join, UnaryOperator<RoomSession> wrap) {
    String edge = join.getString(Relay.ORIGIN);
    RelayedConnection connection = new RelayedConnection(edge, join.getString(Relay.CONNECTION),
        Actors.user(join.getJsonObject(Relay.USER)), Role.valueOf(join.getString("role")),
        outboxes.computeIfAbsent(edge, e -> new EdgeOutbox(e, bus, metrics)), c -> leave(c.id()));
    connections.put(connection.id(), connection);
    return local.join(projectId, connection).<Void>map(session -> {
      sessions.put(connection.id(), wrap.apply(session));
      return null;
    }).onFailure(e -> connections.remove(connection.id()));
  }

  /** A frame a relayed client sent, already checked at its edge. */
  void frame(String edge, String connectionId, byte[] raw) {
    RoomSession session = sessions.get(RelayedConnection.key(edge, connectionId));
    if (session != null) {
      session.receive(WebsocketMessages.read(raw), raw);
    }
  }

  /** The client left (its edge said so, or the room closed it). */
  void leave(String key) {
    connections.remove(key);
    RoomSession session = sessions.remove(key);
    if (session != null) {
      session.leave();
    }
  }

  /** An edge node left the cluster: its clients leave their rooms here. */
  void edgeLeft(String edge) {
    for (RelayedConnection c : new ArrayList<>(connections.values())) {
      if (c.edgeNode().equals(edge)) {
        leave(c.id());
      }
    }
    outboxes.remove(edge);
  }

  int size() {
    return sessions.size();
  }
}
