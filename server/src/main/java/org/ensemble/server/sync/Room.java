package org.ensemble.server.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.IdRange;
import org.ensemble.protocol.crdt.Provenance;
import org.ensemble.protocol.crdt.UpdateContents;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.sync.Awareness;
import org.ensemble.protocol.sync.AwarenessChange;
import org.ensemble.protocol.sync.SyncMessage;
import org.ensemble.protocol.sync.SyncMessages;
import org.ensemble.protocol.sync.WebsocketMessage;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.config.Limits;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.store.DocumentStore;

/**
 * One project's document and the connections editing it. Everything here runs on the room's
 * context (one event loop): no locks. Callers on other threads go through {@link #execute}.
 *
 * <p>An update is stored before it is applied: it is written durably, then applied to the room's
 * document, and only the document's resulting update (what was actually new) is broadcast to the
 * others. So the document always equals what is stored, and a newcomer's sync never shows anything
 * that a crash could take back. Updates are applied in the order they were stored.
 */
public final class Room {
  private static final Logger LOG = Logger.getLogger(Room.class.getName());

  private final String projectId;
  private final Context context;
  private final DocumentStore store;
  private final Limits limits;
  private final ServerMetrics metrics;
  private final Consumer<Room> onIdle;
  private final UpdateGate gate;
  private final Doc doc;
  private final Awareness awareness;
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  /** Completes when every update handed to the store so far has been applied (or refused). */
  private Future<Void> applied = Future.succeededFuture();
  /** The last server edit (see {@link #edit}): the next one starts after it. */
  private Future<byte[]> lastEdit = Future.succeededFuture();
  private int pendingUpdates;
  private long storedBytes;
  private long awarenessTimer = -1;
  private boolean closed;

  /** A connection and the awareness client ids it controls (removed when it leaves). */
  private static final class Participant {
    final RoomConnection connection;
    final Set<Long> awarenessClients = new HashSet<>();

    Participant(RoomConnection connection) {
      this.connection = connection;
    }
  }

  private Room(String projectId, Context context, DocumentStore store, Limits limits, ServerMetrics metrics,
               Consumer<Room> onIdle, UpdateGate gate, Doc doc, long storedBytes) {
    this.projectId = projectId;
    this.context = context;
    this.store = store;
    this.limits = limits;
    this.metrics = metrics;
    this.onIdle = onIdle;
    this.gate = gate;
    this.doc = doc;
    this.storedBytes = storedBytes;
    this.awareness = new Awareness(doc);
    awareness.setLocalState(null); // the server itself is not a visible participant
    doc.onUpdate((update, origin, txn) -> broadcast(WebsocketMessages.update(update), UpdateOrigin.of(origin)));
    awareness.onUpdate(this::onAwarenessUpdate);
  }

  /** Loads a project's stored updates into a new room; must run on {@code context}. */
  static Future<Room> load(String projectId, Context context, DocumentStore store, Limits limits,
                           ServerMetrics metrics, Consumer<Room> onIdle, UpdateGate.Factory gates) {
    Future<UpdateGate> gateOpened = gates.open(projectId, context);
    Future<List<byte[]>> loaded = Future.fromCompletionStage(store.load(projectId), context);
    return Future.all(gateOpened, loaded).compose(both -> {
      List<byte[]> updates = loaded.result();
      Doc doc = new Doc();
      long bytes = 0;
      for (byte[] update : updates) {
        doc.applyUpdate(update, UpdateOrigin.STORE);
        bytes += update.length;
      }
      Room room = new Room(projectId, context, store, limits, metrics, onIdle, gateOpened.result(), doc, bytes);
      room.awarenessTimer = context.owner().setPeriodic(Awareness.CHECK_INTERVAL_MS, id -> room.awareness.checkOutdated());
      metrics.roomOpened();
      return Future.succeededFuture(room);
    });
  }

  public String projectId() {
    return projectId;
  }

  /** Runs {@code task} on the room's context: at once when the caller is already there. */
  public void execute(Runnable task) {
    if (io.vertx.core.Vertx.currentContext() == context) {
      task.run();
    } else {
      context.runOnContext(v -> task.run());
    }
  }

  /** Reads the document on the room's context. */
  public <T> Future<T> read(Function<Doc, T> reader) {
    Promise<T> promise = Promise.promise();
    execute(() -> {
      try {
        promise.complete(reader.apply(doc));
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  boolean isClosed() {
    return closed;
  }

  int participantCount() {
    return participants.size();
  }

  // ---- joining and leaving -------------------------------------------------------------------

  /** Adds a connection and starts the sync: the server's state vector and everyone's presence. */
  void join(RoomConnection connection) {
    participants.put(connection.id(), new Participant(connection));
    send(connection, WebsocketMessages.syncStep1(doc));
    if (!awareness.getStates().isEmpty()) {
      send(connection, WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(awareness.getStates().keySet())));
    }
  }

  /** Removes a connection and the presence it controlled; unloads the room when it was the last. */
  void leave(RoomConnection connection) {
    Participant p = participants.remove(connection.id());
    if (p != null && !p.awarenessClients.isEmpty()) {
      awareness.removeAwarenessStates(new ArrayList<>(p.awarenessClients), connection);
    }
    unloadIfIdle();
  }

  private void unloadIfIdle() {
    if (participants.isEmpty() && pendingUpdates == 0 && !closed) {
      closed = true;
      if (awarenessTimer >= 0) {
        context.owner().cancelTimer(awarenessTimer);
      }
      metrics.roomClosed();
      onIdle.accept(this);
    }
  }

  /** Closes one user's connections only (their role changed): everyone else stays connected. */
  void closeUser(String userId, short code, String reason) {
    for (Participant p : new ArrayList<>(participants.values())) {
      if (p.connection.user().id().equals(userId)) {
        p.connection.close(code, reason);
      }
    }
  }

  /** Closes every connection, e.g. when the server shuts down. */
  void closeAll(short code, String reason) {
    for (Participant p : new ArrayList<>(participants.values())) {
      p.connection.close(code, reason);
    }
  }

  // ---- messages ------------------------------------------------------------------------------

  /** Handles one decoded message from {@code from}. */
  void receive(RoomConnection from, WebsocketMessage message) {
    if (!participants.containsKey(from.id())) {
      return; // it left while the message was on its way
    }
    if (message instanceof WebsocketMessage.Sync) {
      sync(from, ((WebsocketMessage.Sync) message).message());
    } else if (message instanceof WebsocketMessage.Awareness) {
      applyAwareness(from, ((WebsocketMessage.Awareness) message).update());
    } else if (message instanceof WebsocketMessage.QueryAwareness) {
      send(from, WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(awareness.getStates().keySet())));
    }
    // Clients have no reason to send auth messages; they are ignored.
  }

  private void sync(RoomConnection from, SyncMessage message) {
    if (message.type() == SyncMessages.STEP1) {
      byte[] reply;
      try {
        reply = WebsocketMessages.syncStep2(doc, message.payload());
      } catch (DecodingException e) {
        refuse(from, "malformed", CloseCodes.MALFORMED_MESSAGE, "malformed state vector: " + e.getMessage());
        return;
      }
      send(from, reply);
    } else {
      submit(from, message.payload());
    }
  }

  /** Checks an update from a client, then stores and applies it. */
  private void submit(RoomConnection from, byte[] update) {
    UpdateContents contents;
    try {
      contents = Updates.readContents(update);
    } catch (DecodingException e) {
      refuse(from, "malformed", CloseCodes.MALFORMED_MESSAGE, "malformed update: " + e.getMessage());
      return;
    }
    if (contents.inserted().isEmpty() && contents.deleted().isEmpty()) {
      return; // a sync step 2 of a client that has nothing new
    }
    if (!from.role().canWrite()) {
      metrics.refused("read-only");
      send(from, WebsocketMessages.permissionDenied("viewers cannot change this project"));
      return;
    }
    if (repeatsKnownStructs(contents)) {
      // A client re-sending structs the room has (offline persistence does): keep only what is new, so
      // a repeat whose content differs can never replace the original when the log is compacted.
      update = Updates.diffUpdate(update, doc.encodeStateVector());
      contents = Updates.readContents(update);
      if (contents.inserted().isEmpty() && contents.deleted().isEmpty()) {
        return;
      }
    }
    if (storedBytes + update.length > limits.maxDocumentBytes()) {
      metrics.refused("document-size");
      send(from, WebsocketMessages.permissionDenied("the project reached its size limit of "
          + limits.maxDocumentBytes() + " bytes"));
      return;
    }
    String refusal = gate.check(from, contents, client -> Provenance.nextClock(doc, client));
    if (refusal != null) {
      metrics.refused("client-id");
      send(from, WebsocketMessages.permissionDenied(refusal));
      from.close(CloseCodes.FORBIDDEN, CloseCodes.reason(refusal));
      return;
    }
    persistThenApply(update, contents, from);
  }

  private boolean repeatsKnownStructs(UpdateContents contents) {
    for (Map.Entry<Long, List<IdRange>> e : contents.inserted().entrySet()) {
      if (e.getValue().get(0).clock() < Provenance.nextClock(doc, e.getKey())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stores {@code update}; once it is durable and everything stored before it was applied, applies
   * it to the document (which broadcasts what was new to everyone but {@code origin}).
   */
  private Future<Void> persistThenApply(byte[] update, UpdateContents contents, RoomConnection origin) {
    pendingUpdates++;
    storedBytes += update.length;
    long start = System.nanoTime();
    // The gate's record is handed to the store first, so it is never behind the update it describes.
    Future<Void> recorded = gate.record(origin, contents);
    Future<Void> appended = Future.fromCompletionStage(store.append(projectId, update), context);
    Future<Void> durable = Future.all(recorded, appended).mapEmpty();
    Promise<Void> done = Promise.promise();
    applied = applied.transform(previous -> durable).andThen(ar -> {
      pendingUpdates--;
      if (ar.succeeded()) {
        metrics.stored(Duration.ofNanos(System.nanoTime() - start));
        long applyStart = System.nanoTime();
        try {
          doc.applyUpdate(update, origin);
          metrics.applied(System.nanoTime() - applyStart);
          gate.applied(origin, update);
          done.complete();
        } catch (RuntimeException e) {
          // Checked before storing, so this is a bug; the client resyncs after reconnecting.
          LOG.log(Level.SEVERE, "stored update could not be applied to " + projectId, e);
          origin.close(CloseCodes.SERVER_ERROR, CloseCodes.reason("update could not be applied"));
          done.fail(e);
        }
      } else {
        LOG.log(Level.WARNING, "storing an update of " + projectId + " failed", ar.cause());
        metrics.refused("store-failure");
        origin.close(CloseCodes.SERVER_ERROR, CloseCodes.reason("could not store the update: " + ar.cause().getMessage()));
        done.fail(ar.cause());
      }
      unloadIfIdle();
    }).transform(ar -> Future.succeededFuture());
    return done.future();
  }

  /**
   * An edit made by the server itself (the AI, maintenance), as {@code actor} with its own client
   * id: made on a copy of the document, then stored, applied and broadcast like a client's update.
   * Completes once the edit is durable and applied; with a null result when it changed nothing.
   */
  public Future<byte[]> edit(RoomConnection actor, long clientId, Consumer<Doc> change) {
    Promise<byte[]> result = Promise.promise();
    execute(() -> {
      // One server edit at a time, each on a copy that holds everything stored before it: two edits
      // made on the same copy under one client id would reuse its clocks, and the second be lost.
      Future<byte[]> mine = lastEdit.transform(previous -> applied.transform(done -> makeEdit(actor, clientId, change)));
      lastEdit = mine;
      mine.onComplete(result);
    });
    return result.future();
  }

  /**
   * A server edit made on another node (cluster mode) on a copy of this document: stored and applied
   * like {@link #edit}, in turn with the edits made here, unless a client id it writes under wrote
   * meanwhile (their clocks would collide): then it fails with {@link StaleEditException}, and the
   * editor makes it again on a fresh copy. Completes with the update, or null when it held nothing.
   */
  public Future<byte[]> editFromUpdate(RoomConnection actor, byte[] update) {
    Promise<byte[]> result = Promise.promise();
    execute(() -> {
      Future<byte[]> mine = lastEdit.transform(previous -> applied.transform(done -> applyEditUpdate(actor, update)));
      lastEdit = mine;
      mine.onComplete(result);
    });
    return result.future();
  }

  private Future<byte[]> applyEditUpdate(RoomConnection actor, byte[] update) {
    UpdateContents contents;
    try {
      contents = Updates.readContents(update);
    } catch (DecodingException e) {
      return Future.failedFuture(e);
    }
    for (Map.Entry<Long, List<IdRange>> e : contents.inserted().entrySet()) {
      if (e.getValue().get(0).clock() != Provenance.nextClock(doc, e.getKey())) {
        return Future.failedFuture(new StaleEditException("client " + e.getKey() + " wrote since the copy was made"));
      }
    }
    if (contents.inserted().isEmpty() && contents.deleted().isEmpty()) {
      return Future.succeededFuture(null);
    }
    return persistThenApply(update, contents, actor).map(v -> update);
  }

  private Future<byte[]> makeEdit(RoomConnection actor, long clientId, Consumer<Doc> change) {
    Doc copy = new Doc();
    copy.applyUpdate(doc.encodeStateAsUpdate());
    copy.setClientId(clientId);
    List<byte[]> produced = new ArrayList<>();
    copy.onUpdate((u, o, t) -> produced.add(u));
    try {
      copy.transact(t -> change.accept(copy), actor);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (produced.isEmpty()) {
      return Future.succeededFuture(null);
    }
    byte[] update = produced.size() == 1 ? produced.get(0) : Updates.mergeUpdates(produced);
    UpdateContents contents = Updates.readContents(update);
    return persistThenApply(update, contents, actor).map(v -> update);
  }

  // ---- awareness -----------------------------------------------------------------------------

  private void applyAwareness(RoomConnection from, byte[] update) {
    if (awareness.bringsNothingNew(update)) {
      return; // a stock client's echo of a change it received: dropped before its states are parsed
    }
    try {
      awareness.applyAwarenessUpdate(update, from);
    } catch (DecodingException e) {
      refuse(from, "malformed", CloseCodes.MALFORMED_MESSAGE, "malformed awareness update: " + e.getMessage());
    }
  }

  private void onAwarenessUpdate(AwarenessChange change, Object origin) {
    if (origin instanceof RoomConnection connection) {
      Participant p = participants.get(connection.id());
      if (p != null) {
        p.awarenessClients.addAll(change.added());
        p.awarenessClients.addAll(change.updated());
        change.removed().forEach(p.awarenessClients::remove);
      }
    }
    List<Long> changed = change.changedClients();
    if (!changed.isEmpty()) {
      broadcast(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(changed)), UpdateOrigin.of(origin));
    }
  }

  // ---- sending -------------------------------------------------------------------------------

  private void broadcast(byte[] message, UpdateOrigin except) {
    OutgoingMessage shared = new OutgoingMessage(message);
    for (Participant p : participants.values()) {
      if (p.connection != except) {
        p.connection.send(shared);
      }
    }
  }

  private void send(RoomConnection to, byte[] message) {
    to.send(message);
  }

  private void refuse(RoomConnection from, String tag, short code, String reason) {
    metrics.refused(tag);
    from.close(code, CloseCodes.reason(reason));
  }
}
