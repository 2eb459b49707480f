package org.ensemble.server.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ensemble.protocol.crdt.Doc;

/**
 * The rooms as the rest of the server sees them: join one, read or edit a project's document through
 * its room, close a room's connections. {@link LocalRooms} keeps every room in this process; a
 * cluster would route each project to the node that holds its room behind the same calls.
 */
public interface Rooms {

  /** Joins {@code connection} to the project's room, loading it first if needed. */
  Future<RoomSession> join(String projectId, RoomConnection connection);

  /** Reads a project's document: the loaded room's, or one loaded from the store for the occasion. */
  <T> Future<T> read(String projectId, Vertx vertx, Function<Doc, T> reader);

  /**
   * Runs a server-side edit on a project's document through its room (loaded for the occasion if
   * nobody is connected), so that it is stored, applied and broadcast like any client's edit;
   * completes with the update the edit made.
   */
  Future<byte[]> edit(String projectId, RoomConnection actor, long clientId, Consumer<Doc> change);

  /** Closes the connections of one project's room (the project was deleted or access changed). */
  Future<Void> evict(String projectId, short code, String reason);

  /**
   * Closes one user's connections to a project's room (their role changed or they were removed):
   * they reconnect with their new rights; the other collaborators are not disturbed.
   */
  Future<Void> evictUser(String projectId, String userId, short code, String reason);

  /** What /health shows of the rooms beyond the server's counts (a cluster's members and owners); may be empty. */
  default Future<io.vertx.core.json.JsonObject> health() {
    return Future.succeededFuture(new io.vertx.core.json.JsonObject());
  }

  /** Closes every connection of every room (server shutdown). */
  Future<Void> closeAll(short code, String reason);
}
