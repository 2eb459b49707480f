package org.ensemble.server.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.server.config.Limits;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.store.DocumentStore;

/**
 * The rooms of a single node, spread over its event loops: a project always lives on the same shard
 * (by the hash of its id), and each shard's map is touched only on its own context. A load in
 * progress is shared by everyone who asks for the room meanwhile.
 */
public final class LocalRooms implements Rooms {
  private final DocumentStore store;
  private final Limits limits;
  private final ServerMetrics metrics;
  private final UpdateGate.Factory gates;
  private final List<Shard> shards = new ArrayList<>();
  private volatile Consumer<String> unloaded = projectId -> {};

  /** One event loop's rooms. */
  private final class Shard {
    final Context context;
    final Map<String, Future<Room>> rooms = new HashMap<>();

    Shard(Context context) {
      this.context = context;
    }

    Future<Room> acquire(String projectId) {
      Future<Room> existing = rooms.get(projectId);
      if (existing != null && !(existing.succeeded() && existing.result().isClosed())) {
        return existing;
      }
      Future<Room> loading = Room.load(projectId, context, store, limits, metrics, this::forget, gates);
      rooms.put(projectId, loading);
      loading.onFailure(e -> rooms.remove(projectId, loading));
      return loading;
    }

    void forget(Room room) {
      Future<Room> current = rooms.get(room.projectId());
      if (current != null && current.succeeded() && current.result() == room) {
        rooms.remove(room.projectId());
        unloaded.accept(room.projectId());
      }
    }
  }

  /**
   * @param contexts one event-loop context per shard (created by the server on distinct event loops)
   */
  public LocalRooms(List<Context> contexts, DocumentStore store, Limits limits, ServerMetrics metrics) {
    this(contexts, store, limits, metrics, UpdateGate.Factory.OPEN);
  }

  /**
   * @param gates opens each room's {@link UpdateGate} when the room loads: its collaborators' hooks,
   *              several joined with {@link UpdateGate.Factory#all}
   */
  public LocalRooms(List<Context> contexts, DocumentStore store, Limits limits, ServerMetrics metrics,
               UpdateGate.Factory gates) {
    this.gates = gates;
    if (contexts.isEmpty()) {
      throw new IllegalArgumentException("at least one context");
    }
    this.store = store;
    this.limits = limits;
    this.metrics = metrics;
    for (Context c : contexts) {
      shards.add(new Shard(c));
    }
  }

  /**
   * Calls {@code listener} with a project's id when its room unloads (its last participant left and
   * everything it accepted is stored), on the room's context.
   */
  public void onUnload(Consumer<String> listener) {
    this.unloaded = listener;
  }

  private Shard shardOf(String projectId) {
    return shards.get(Math.floorMod(projectId.hashCode(), shards.size()));
  }

  /** Joins {@code connection} to the project's room, loading it first if needed. */
  @Override
  public Future<RoomSession> join(String projectId, RoomConnection connection) {
    return joinRoom(projectId, connection).map(room -> new RoomSession() {
      @Override
      public void receive(org.ensemble.protocol.sync.WebsocketMessage message, byte[] raw) {
        room.execute(() -> room.receive(connection, message));
      }

      @Override
      public void leave() {
        room.execute(() -> room.leave(connection));
      }
    });
  }

  private Future<Room> joinRoom(String projectId, RoomConnection connection) {
    Shard shard = shardOf(projectId);
    Promise<Room> promise = Promise.promise();
    shard.context.runOnContext(v -> shard.acquire(projectId).onComplete(ar -> {
      if (ar.succeeded()) {
        Room room = ar.result();
        if (room.isClosed()) {
          // unloaded between the load and now: load again
          joinRoom(projectId, connection).onComplete(promise);
          return;
        }
        room.join(connection);
      }
      promise.handle(ar);
    }));
    return promise.future();
  }

  /** Reads a project's document: the loaded room's, or one loaded from the store for the occasion. */
  @Override
  public <T> Future<T> read(String projectId, Vertx vertx, Function<Doc, T> reader) {
    Shard shard = shardOf(projectId);
    Promise<T> promise = Promise.promise();
    shard.context.runOnContext(v -> {
      Future<Room> loaded = shard.rooms.get(projectId);
      if (loaded != null && loaded.succeeded() && !loaded.result().isClosed()) {
        loaded.result().read(reader).onComplete(promise);
        return;
      }
      Future.fromCompletionStage(store.load(projectId), shard.context)
          .compose(updates -> vertx.executeBlocking(() -> {
            Doc doc = new Doc();
            updates.forEach(doc::applyUpdate);
            return reader.apply(doc);
          }, false))
          .onComplete(promise);
    });
    return promise.future();
  }

  /**
   * Runs a server-side edit on a project's document through its room (loaded for the occasion if
   * nobody is connected), so that it is stored, applied and broadcast like any client's edit.
   */
  @Override
  public Future<byte[]> edit(String projectId, RoomConnection actor, long clientId, Consumer<Doc> change) {
    return withActor(projectId, actor, room -> room.edit(actor, clientId, change));
  }

  /**
   * A server edit made elsewhere on a copy of the document, as an update (see {@link Room#editFromUpdate}):
   * stored, applied and broadcast through the project's room like {@link #edit}.
   */
  public Future<byte[]> editFromUpdate(String projectId, RoomConnection actor, byte[] update) {
    return withActor(projectId, actor, room -> room.editFromUpdate(actor, update));
  }

  /** Runs a server edit in the project's room (loaded if needed) with {@code actor} present meanwhile. */
  private Future<byte[]> withActor(String projectId, RoomConnection actor, Function<Room, Future<byte[]>> edit) {
    Shard shard = shardOf(projectId);
    Promise<byte[]> promise = Promise.promise();
    shard.context.runOnContext(v -> shard.acquire(projectId).onComplete(ar -> {
      if (ar.failed()) {
        promise.fail(ar.cause());
        return;
      }
      Room room = ar.result();
      room.join(actor);
      edit.apply(room).onComplete(result -> {
        room.leave(actor);
        promise.handle(result);
      });
    }));
    return promise.future();
  }

  /** The projects whose rooms are loaded here. */
  public Future<List<String>> loaded() {
    List<Future<List<String>>> perShard = new ArrayList<>();
    for (Shard shard : shards) {
      Promise<List<String>> p = Promise.promise();
      shard.context.runOnContext(v -> p.complete(new ArrayList<>(shard.rooms.keySet())));
      perShard.add(p.future());
    }
    return Future.all(perShard).map(all -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        out.addAll(all.<List<String>>resultAt(i));
      }
      return out;
    });
  }

  @Override
  public Future<Void> evictUser(String projectId, String userId, short code, String reason) {
    return ifLoaded(projectId, room -> room.closeUser(userId, code, reason));
  }

  /**
   * Forgets a project's room at once and closes its connections: this node lost the room to another
   * (cluster mode). Writes it still has in flight finish or are refused; the next join loads the room
   * anew from the store instead of reusing this copy.
   */
  public Future<Void> discard(String projectId, short code, String reason) {
    Shard shard = shardOf(projectId);
    Promise<Void> p = Promise.promise();
    shard.context.runOnContext(v -> {
      Future<Room> f = shard.rooms.remove(projectId);
      if (f != null && f.succeeded()) {
        f.result().closeAll(code, reason);
      }
      p.complete();
    });
    return p.future();
  }

  /** Closes the connections of one project's room (the project was deleted or access changed). */
  @Override
  public Future<Void> evict(String projectId, short code, String reason) {
    return ifLoaded(projectId, room -> room.closeAll(code, reason));
  }

  /** Runs {@code action} on the project's room on its context, if the room is loaded. */
  private Future<Void> ifLoaded(String projectId, Consumer<Room> action) {
    Shard shard = shardOf(projectId);
    Promise<Void> p = Promise.promise();
    shard.context.runOnContext(v -> {
      Future<Room> f = shard.rooms.get(projectId);
      if (f != null && f.succeeded()) {
        action.accept(f.result());
      }
      p.complete();
    });
    return p.future();
  }

  /** Closes every connection of every room (server shutdown). */
  @Override
  public Future<Void> closeAll(short code, String reason) {
    List<Future<Void>> done = new ArrayList<>();
    for (Shard shard : shards) {
      Promise<Void> p = Promise.promise();
      shard.context.runOnContext(v -> {
        for (Future<Room> f : new ArrayList<>(shard.rooms.values())) {
          if (f.succeeded()) {
            f.result().closeAll(code, reason);
          }
        }
        p.complete();
      });
      done.add(p.future());
    }
    return Future.all(done).mapEmpty();
  }
}
