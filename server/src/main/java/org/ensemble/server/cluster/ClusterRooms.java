package org.ensemble.server.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.LocalRooms;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.RoomSession;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.sync.StaleEditException;

/**
 * The rooms of a cluster: each room is owned by one node at a time, under a {@link Lease}, and lives in
 * that node's {@link LocalRooms}. A client may connect to any node: when another node owns its room,
 * this node relays its frames there and the owner's messages back ({@link Relay}). A vacant room is
 * claimed by the node where someone first needs it, so rooms spread as clients do; a room moves only
 * when its owner unloads it, leaves, loses its lease or drains.
 *
 * <p>Ownership decisions (claim, release, step down) run on this object's own context, one per room at
 * a time; Hazelcast and Redis calls that may block run on worker threads.
 */
public final class ClusterRooms implements Rooms {
  private static final Logger LOG = Logger.getLogger(ClusterRooms.class.getName());
  /** A room whose owner is still claiming it, or just moved, is asked for again after this. */
  private static final long RETRY_MS = 100;
  /** How long a join or a server edit keeps looking for the room's owner before it fails. */
  private static final long FIND_OWNER_MS = 30_000;
  /** A join relayed to an owner that does not answer within this is tried again (the owner may have died). */
  private static final long JOIN_TIMEOUT_MS = 3_000;
  private static final String MOVED = "the room moved to another server; reconnecting";

  private final Vertx vertx;
  private final Context context;
  private final LocalRooms local;
  private final RoomLeases leases;
  private final ClusterNode node;
  private final FencedDocuments epochs;
  private final ClusterMetrics metrics;
  private final EventBus bus;
  /** Rooms this node owns (on the context). */
  private final Map<String, Lease> owned = new HashMap<>();
  /** Per room, the ownership step in progress (on the context). */
  private final Map<String, Future<Lease>> claiming = new HashMap<>();
  /** Per room, the release of its lease in progress (on the context). */
  private final Map<String, Future<Void>> releasing = new HashMap<>();
  /** Per owned room, the sessions and edits using it; released only at zero (on the context). */
  private final Map<String, Integer> inUse = new HashMap<>();
  /** Edge side: sessions relayed to other owners, by connection id. */
  private final Map<String, RemoteSession> remote = new ConcurrentHashMap<>();
  /** Owner side: the clients of other nodes in the rooms owned here. */
  private final RelayedClients relayed;
  private MessageConsumer<Buffer> consumer;
  private long renewTimer = -1;
  private long watchTimer = -1;
  private boolean draining;

  private ClusterRooms(Vertx vertx, Context context, LocalRooms local, ClusterNode node, FencedDocuments epochs,
                       ClusterMetrics metrics) {
    this.vertx = vertx;
    this.context = context;
    this.local = local;
    this.node = node;
    this.epochs = epochs;
    this.metrics = metrics;
    this.bus = vertx.eventBus();
    this.leases = new RoomLeases(node.hazelcast(), node.id(), node.config().leaseMillis());
    this.relayed = new RelayedClients(local, bus, metrics);
  }

  /**
   * Starts this node's part: its relay address, lease renewal and the watch over the owners of the
   * rooms it relays to. {@code context} is an event-loop context of the caller's (the server's main one).
   */
  public static Future<ClusterRooms> start(Vertx vertx, Context context, LocalRooms local, ClusterNode node,
                                           FencedDocuments epochs, io.micrometer.core.instrument.MeterRegistry registry) {
    Promise<ClusterRooms> started = Promise.promise();
    context.runOnContext(v -> {
      ClusterRooms[] self = new ClusterRooms[1];
      ClusterMetrics metrics = new ClusterMetrics(registry, () -> self[0].epochs.owned(),
          () -> node.hazelcast().getCluster().getMembers().size());
      ClusterRooms rooms = new ClusterRooms(vertx, context, local, node, epochs, metrics);
      self[0] = rooms;
      epochs.onFenced(projectId -> context.runOnContext(x -> {
        metrics.fenced();
        rooms.stepDown(projectId);
      }));
      local.onUnload(projectId -> context.runOnContext(x -> rooms.releaseIfIdle(projectId)));
      node.onMemberLeft(memberId -> context.runOnContext(x -> rooms.memberLeft(memberId)));
      rooms.consumer = rooms.bus.consumer(Relay.address(node.id()), rooms::onRelay);
      long every = Math.max(100, node.config().leaseMillis() / 3);
      rooms.renewTimer = vertx.setPeriodic(every, id -> rooms.renew());
      rooms.watchTimer = vertx.setPeriodic(Math.max(200, node.config().leaseMillis() / 5), id -> rooms.watchOwners());
      rooms.consumer.completion().map(rooms).onComplete(started);
    });
    return started.future();
  }

  // ---- the Rooms calls -----------------------------------------------------------------------

  @Override
  public Future<RoomSession> join(String projectId, RoomConnection connection) {
    long deadline = System.currentTimeMillis() + FIND_OWNER_MS;
    return onContext(() -> join(projectId, connection, deadline));
  }

  private Future<RoomSession> join(String projectId, RoomConnection connection, long deadline) {
    return owner(projectId).compose(lease -> {
      if (mine(lease)) {
        use(projectId);
        return local.join(projectId, connection).<RoomSession>map(session -> new OwnedSession(projectId, session))
            .onFailure(e -> done(projectId));
      }
      return joinRemote(lease, projectId, connection);
    }).recover(e -> retry(e, deadline, () -> join(projectId, connection, deadline)));
  }

  private Future<RoomSession> joinRemote(Lease lease, String projectId, RoomConnection connection) {
    if (!lease.claimed()) {
      return Future.failedFuture(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE,
          Relay.NOT_OWNER, "still being claimed"));
    }
    RemoteSession session = new RemoteSession(connection, projectId, lease, node.id(), bus, metrics,
        () -> remote.remove(connection.id()));
    remote.put(connection.id(), session);
    JsonObject join = new JsonObject().put(Relay.PROJECT, projectId).put(Relay.CONNECTION, connection.id())
        .put(Relay.ORIGIN, node.id()).put(Relay.USER, Actors.user(connection.user())).put("role", connection.role().name());
    return bus.request(Relay.address(lease.nodeId()), Buffer.buffer(join.encode()),
            Relay.op(Relay.JOIN).setSendTimeout(JOIN_TIMEOUT_MS))
        .<RoomSession>map(reply -> session)
        .onFailure(e -> {
          remote.remove(connection.id(), session);
          LOG.info("relaying " + projectId + " to " + lease + " failed: " + e.getMessage() + "; members "
              + node.memberIds() + ", cluster time " + node.hazelcast().getCluster().getClusterTime());
        });
  }

  @Override
  public <T> Future<T> read(String projectId, Vertx unused, Function<Doc, T> reader) {
    // The owner's room holds exactly what Redis holds (it applies an update once stored), so reading
    // from the store here is as fresh as asking the owner, and costs the owner nothing.
    return local.read(projectId, vertx, reader);
  }

  @Override
  public Future<byte[]> edit(String projectId, RoomConnection actor, long clientId, Consumer<Doc> change) {
    long deadline = System.currentTimeMillis() + FIND_OWNER_MS;
    return onContext(() -> edit(projectId, actor, clientId, change, deadline));
  }

  private Future<byte[]> edit(String projectId, RoomConnection actor, long clientId, Consumer<Doc> change, long deadline) {
    return owner(projectId).compose(lease -> {
      long writer = ServerClientIds.forOwner(lease.epoch(), clientId);
      if (mine(lease)) {
        use(projectId);
        return local.edit(projectId, actor, writer, change).andThen(ar -> done(projectId));
      }
      if (!lease.claimed()) {
        return Future.failedFuture(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE,
            Relay.NOT_OWNER, "still being claimed"));
      }
      return editRemote(lease, projectId, actor, writer, change);
    }).recover(e -> retry(e, deadline, () -> edit(projectId, actor, clientId, change, deadline)));
  }

  /** Edits a copy of the owner's document here, then has the owner store and apply the update. */
  private Future<byte[]> editRemote(Lease lease, String projectId, RoomConnection actor, long writer,
                                    Consumer<Doc> change) {
    String address = Relay.address(lease.nodeId());
    return bus.<Buffer>request(address, Buffer.buffer(), Relay.op(Relay.STATE).addHeader(Relay.PROJECT, projectId))
        .compose(state -> vertx.executeBlocking(() -> {
          Doc copy = new Doc();
          copy.applyUpdate(state.body().getBytes());
          copy.setClientId(writer);
          List<byte[]> produced = new ArrayList<>();
          copy.onUpdate((u, o, t) -> produced.add(u));
          copy.transact(t -> change.accept(copy), actor);
          return produced.isEmpty() ? null : produced.size() == 1 ? produced.get(0) : Updates.mergeUpdates(produced);
        }, false))
        .compose(update -> {
          if (update == null) {
            return Future.succeededFuture(null);
          }
          Buffer body = Buffer.buffer(update);
          return bus.<Buffer>request(address, body, Relay.op(Relay.EDIT).addHeader(Relay.PROJECT, projectId)
              .addHeader("actor", Actors.toJson(actor).encode())).map(reply -> update);
        });
  }

  @Override
  public Future<Void> evict(String projectId, short code, String reason) {
    return evictThroughOwner(projectId, null, code, reason);
  }

  @Override
  public Future<Void> evictUser(String projectId, String userId, short code, String reason) {
    return evictThroughOwner(projectId, userId, code, reason);
  }

  /**
   * Closes the connections at the owner (relayed ones included, which closes them at their edges),
   * then, in case the owner is unreachable, those this node relays.
   */
  private Future<Void> evictThroughOwner(String projectId, String userId, short code, String reason) {
    return onContext(() -> {
      Lease mine = owned.get(projectId);
      Future<Void> atOwner;
      if (mine != null) {
        atOwner = evictHere(projectId, userId, code, reason);
      } else {
        atOwner = vertx.executeBlocking(() -> leases.current(projectId), false).compose(lease -> {
          if (lease == null || lease.nodeId().equals(node.id())) {
            return Future.succeededFuture();
          }
          io.vertx.core.eventbus.DeliveryOptions options = Relay.op(Relay.EVICT).addHeader(Relay.PROJECT, projectId)
              .addHeader(Relay.CODE, Short.toString(code)).addHeader(Relay.REASON, CloseCodes.reason(reason));
          if (userId != null) {
            options.addHeader(Relay.USER, userId);
          }
          return bus.request(Relay.address(lease.nodeId()), Buffer.buffer(), options).<Void>mapEmpty()
              .recover(e -> Future.succeededFuture());
        });
      }
      return atOwner.andThen(ar -> {
        for (RemoteSession s : new ArrayList<>(remote.values())) {
          if (s.projectId().equals(projectId) && (userId == null || s.connection().user().id().equals(userId))) {
            s.close(code, reason);
          }
        }
      });
    });
  }

  private Future<Void> evictHere(String projectId, String userId, short code, String reason) {
    return userId == null ? local.evict(projectId, code, reason) : local.evictUser(projectId, userId, code, reason);
  }

  /**
   * Drains this node: no new rooms; every room it owns closes its connections with "moved" (clients
   * reconnect and another node takes the room), and once its writes are stored, its lease is given up;
   * the clients it relays reconnect too.
   */
  @Override
  public Future<Void> closeAll(short code, String reason) {
    return onContext(() -> {
      draining = true;
      vertx.cancelTimer(watchTimer);
      for (RemoteSession s : new ArrayList<>(remote.values())) {
        s.close(CloseCodes.ROOM_MOVED, "this server is stopping; reconnecting");
      }
      List<Future<Void>> closing = new ArrayList<>();
      for (String projectId : new ArrayList<>(owned.keySet())) {
        closing.add(local.evict(projectId, CloseCodes.ROOM_MOVED, "this server is stopping; reconnecting"));
      }
      return Future.all(closing).compose(v -> waitForRelease(System.currentTimeMillis() + 5_000));
    }).eventually(() -> onContext(() -> {
      vertx.cancelTimer(renewTimer);
      Map<String, Long> left = new HashMap<>();
      owned.forEach((id, lease) -> left.put(id, lease.epoch()));
      owned.clear();
      return vertx.executeBlocking(() -> {
        left.forEach(leases::release);
        return null;
      }, false).<Void>mapEmpty().eventually(() -> consumer.unregister());
    }));
  }

  private Future<Void> waitForRelease(long deadline) {
    if (owned.isEmpty() && releasing.isEmpty() || System.currentTimeMillis() > deadline) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(50, id -> waitForRelease(deadline).onComplete(later));
    return later.future();
  }

  // ---- ownership -----------------------------------------------------------------------------

  /** The room's lease: this node's, another's, or a new one of this node's when vacant. On the context. */
  private Future<Lease> owner(String projectId) {
    Lease mine = owned.get(projectId);
    if (mine != null) {
      return Future.succeededFuture(mine);
    }
    Future<Lease> inProgress = claiming.get(projectId);
    if (inProgress != null) {
      return inProgress;
    }
    Future<Void> released = releasing.get(projectId);
    if (released != null) {
      return released.transform(ar -> owner(projectId));
    }
    if (draining) {
      return Future.failedFuture(new IllegalStateException("this server is stopping"));
    }
    boolean quorate = node.quorate();
    // Registered before the work starts: a claim that finishes at once must still find its entry to remove.
    Promise<Lease> claim = Promise.promise();
    claiming.put(projectId, claim.future());
    vertx.executeBlocking(() -> quorate
        ? leases.claim(projectId, () -> epochs.raiseFence(projectId))
        : require(leases.current(projectId), "this server sees too few cluster members to own rooms"), false)
        .onComplete(ar -> {
          claiming.remove(projectId, claim.future());
          if (ar.succeeded() && mine(ar.result()) && !owned.containsKey(projectId)) {
            owned.put(projectId, ar.result());
            epochs.owning(projectId, ar.result().epoch());
            metrics.ownershipChanged();
          }
          claim.handle(ar);
        });
    return claim.future();
  }

  private static Lease require(Lease lease, String otherwise) {
    if (lease == null) {
      throw new IllegalStateException(otherwise);
    }
    return lease;
  }

  private boolean mine(Lease lease) {
    return lease.nodeId().equals(node.id()) && lease.claimed();
  }

  private void use(String projectId) {
    inUse.merge(projectId, 1, Integer::sum);
  }

  private void done(String projectId) {
    context.runOnContext(v -> {
      if (inUse.merge(projectId, -1, Integer::sum) <= 0) {
        inUse.remove(projectId);
      }
    });
  }

  /** The room unloaded here: give its lease up unless someone started using it again. */
  private void releaseIfIdle(String projectId) {
    Lease lease = owned.get(projectId);
    if (lease == null || inUse.containsKey(projectId) || claiming.containsKey(projectId)) {
      return;
    }
    owned.remove(projectId);
    // A join here meanwhile waits for the release, then claims anew.
    Promise<Void> release = Promise.promise();
    releasing.put(projectId, release.future());
    vertx.executeBlocking(() -> {
      leases.release(projectId, lease.epoch());
      return null;
    }, false).onComplete(ar -> {
      releasing.remove(projectId, release.future());
      epochs.released(projectId, lease.epoch());
      release.complete();
    });
  }

  /** This node lost a room (its lease, or a fenced write): its connections reconnect to the new owner. */
  private void stepDown(String projectId) {
    if (!owned.containsKey(projectId)) {
      return;
    }
    Lease lease = owned.remove(projectId);
    metrics.steppedDown();
    LOG.info("stepping down from a room: " + projectId);
    local.discard(projectId, CloseCodes.ROOM_MOVED, MOVED);
    // Gone from the map at once (if still ours) rather than at its expiry: others stop relaying here.
    vertx.executeBlocking(() -> {
      leases.release(projectId, lease.epoch());
      return null;
    }, false);
  }

  private void renew() {
    if (owned.isEmpty() && node.quorate()) {
      return;
    }
    if (!node.quorate()) {
      new ArrayList<>(owned.keySet()).forEach(this::stepDown);
      return;
    }
    Map<String, Long> held = new HashMap<>();
    owned.forEach((id, lease) -> held.put(id, lease.epoch()));
    vertx.executeBlocking(() -> leases.renew(held), false).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warning("renewing room leases failed: " + ar.cause());
        return;
      }
      metrics.renewed(held.size() - ar.result().size());
      for (String lost : ar.result()) {
        Lease lease = owned.get(lost);
        if (lease != null && lease.epoch() == held.get(lost)) {
          stepDown(lost);
        }
      }
    });
  }

  /** Edge side: sessions whose owner no longer holds the room reconnect (the owner froze or left). */
  private void watchOwners() {
    if (remote.isEmpty()) {
      return;
    }
    Set<String> projects = new HashSet<>();
    remote.values().forEach(s -> projects.add(s.projectId()));
    vertx.executeBlocking(() -> leases.current(projects), false).onSuccess(current -> {
      for (RemoteSession s : new ArrayList<>(remote.values())) {
        Lease now = current.get(s.projectId());
        if (now == null || !now.nodeId().equals(s.owner().nodeId()) || now.epoch() != s.owner().epoch()) {
          s.close(CloseCodes.ROOM_MOVED, MOVED);
        }
      }
    });
  }

  private void memberLeft(String memberId) {
    for (RemoteSession s : new ArrayList<>(remote.values())) {
      if (s.owner().nodeId().equals(memberId)) {
        s.close(CloseCodes.ROOM_MOVED, MOVED);
      }
    }
    relayed.edgeLeft(memberId);
  }

  // ---- the relay's receiving end --------------------------------------------------------------

  private void onRelay(Message<Buffer> message) {
    String op = message.headers().get(Relay.OP);
    switch (op == null ? "" : op) {
      case Relay.FRAME -> relayed.frame(message.headers().get(Relay.ORIGIN), message.headers().get(Relay.CONNECTION),
          message.body().getBytes());
      case Relay.SEND -> {
        // One message for every listed connection (the owner's outbox sends a broadcast once per edge).
        byte[] bytes = message.body().getBytes();
        for (String connection : message.headers().get(Relay.CONNECTION).split(",")) {
          RemoteSession s = remote.get(connection);
          if (s != null) {
            s.deliver(bytes);
          }
        }
      }
      case Relay.CLOSE -> {
        RemoteSession s = remote.get(message.headers().get(Relay.CONNECTION));
        if (s != null) {
          s.close(Short.parseShort(message.headers().get(Relay.CODE)), message.headers().get(Relay.REASON));
        }
      }
      case Relay.LEAVE -> relayed.leave(RelayedConnection.key(message.headers().get(Relay.ORIGIN),
          message.headers().get(Relay.CONNECTION)));
      case Relay.JOIN -> relayJoin(message);
      case Relay.STATE -> ifOwner(message, projectId -> local.read(projectId, vertx, Doc::encodeStateAsUpdate)
          .map(Buffer::buffer));
      case Relay.EDIT -> ifOwner(message, projectId -> {
        use(projectId);
        RoomConnection actor = Actors.fromJson(new JsonObject(message.headers().get("actor")));
        return local.editFromUpdate(projectId, actor, message.body().getBytes()).map(u -> Buffer.buffer())
            .andThen(ar -> done(projectId));
      });
      case Relay.EVICT -> ifOwner(message, projectId -> evictHere(projectId, message.headers().get(Relay.USER),
          Short.parseShort(message.headers().get(Relay.CODE)), message.headers().get(Relay.REASON)).map(Buffer.buffer()));
      default -> message.fail(Relay.FAILED, "unknown relay operation " + op);
    }
  }

  private void ifOwner(Message<Buffer> message, Function<String, Future<Buffer>> action) {
    String projectId = message.headers().get(Relay.PROJECT);
    if (!owned.containsKey(projectId)) {
      message.fail(Relay.NOT_OWNER, "not the owner of " + projectId);
      return;
    }
    action.apply(projectId).onComplete(ar -> {
      if (ar.succeeded()) {
        message.reply(ar.result());
      } else {
        message.fail(ar.cause() instanceof StaleEditException ? Relay.STALE : Relay.FAILED, String.valueOf(ar.cause().getMessage()));
      }
    });
  }

  private void relayJoin(Message<Buffer> message) {
    JsonObject join = new JsonObject(message.body());
    String projectId = join.getString(Relay.PROJECT);
    if (!owned.containsKey(projectId)) {
      message.fail(Relay.NOT_OWNER, "not the owner of " + projectId);
      return;
    }
    use(projectId);
    relayed.join(projectId, join, session -> new OwnedSession(projectId, session)).onComplete(ar -> {
      if (ar.succeeded()) {
        message.reply(Buffer.buffer());
      } else {
        done(projectId);
        message.fail(Relay.FAILED, String.valueOf(ar.cause().getMessage()));
      }
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** A session in a room this node owns: leaving also lets the room's lease go once nobody uses it. */
  private final class OwnedSession implements RoomSession {
    private final String projectId;
    private final RoomSession session;
    private boolean left;

    OwnedSession(String projectId, RoomSession session) {
      this.projectId = projectId;
      this.session = session;
    }

    @Override
    public void receive(org.ensemble.protocol.sync.WebsocketMessage message, byte[] raw) {
      session.receive(message, raw);
    }

    @Override
    public synchronized void leave() {
      if (!left) {
        left = true;
        session.leave();
        done(projectId);
      }
    }
  }

  /**
   * Tries again, until the deadline, when the owner was not found where the lease said: it is still
   * claiming, it just gave the room up, a server edit crossed another, or it died (no answer, no
   * handler); the next try reads the lease again.
   */
  private <T> Future<T> retry(Throwable e, long deadline, Supplier<Future<T>> again) {
    boolean moved = e instanceof StaleEditException || e instanceof ReplyException r
        && (r.failureCode() == Relay.NOT_OWNER || r.failureCode() == Relay.STALE
            || r.failureType() == io.vertx.core.eventbus.ReplyFailure.NO_HANDLERS
            || r.failureType() == io.vertx.core.eventbus.ReplyFailure.TIMEOUT);
    if (!moved || System.currentTimeMillis() > deadline) {
      return Future.failedFuture(e);
    }
    Promise<T> later = Promise.promise();
    vertx.setTimer(RETRY_MS, id -> context.runOnContext(v -> again.get().onComplete(later)));
    return later.future();
  }

  private <T> Future<T> onContext(Supplier<Future<T>> task) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        task.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  /** This node's view for /health: its name and id, the members it sees, the rooms it owns. */
  @Override
  public Future<JsonObject> health() {
    return onContext(() -> {
      JsonObject json = new JsonObject().put("node", node.name()).put("nodeId", node.id())
          .put("members", new io.vertx.core.json.JsonArray(node.memberAddresses()))
          .put("quorate", node.quorate()).put("draining", draining).put("ownedRooms", owned.size())
          .put("relayedOut", remote.size()).put("relayedIn", relayed.size());
      return Future.succeededFuture(json);
    });
  }
}
