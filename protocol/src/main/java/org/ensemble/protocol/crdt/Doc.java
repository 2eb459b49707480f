package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Yjs document: named root types ({@link #getMap}, {@link #getArray}, {@link #getText}) whose content
 * converges on every replica that applies the same updates, in any order.
 *
 * <p>Changes go through {@link #transact}; each transaction produces one update, delivered to
 * {@link #onUpdate} listeners. Remote changes come in through {@link #applyUpdate}. Updates and state
 * vectors are byte-compatible with the {@code yjs} npm package (13.6).
 *
 * <p><b>Threading:</b> a Doc, its types and its transactions are confined to one thread at a time.
 * Nothing here is synchronized; callers that share a Doc between threads must hand it over with
 * proper happens-before ordering (for example by running all access on one event loop).
 */
public final class Doc {
  private long clientId;
  private final String guid;
  private String collectionId;
  private final boolean gc;
  private final Object meta;
  private final boolean autoLoad;
  private boolean shouldLoad;
  private boolean destroyed;
  final Map<String, AbstractType> share = new LinkedHashMap<>();
  final StructStore store = new StructStore();
  final KeyNames keyNames = new KeyNames();
  Transaction transaction;
  List<Transaction> transactionCleanups = new ArrayList<>();
  final Set<Doc> subdocs = new LinkedHashSet<>();
  /** For a subdocument: the item that holds it in its parent document. */
  Item item;

  final EventHandler<Consumer<Transaction>> beforeTransaction = new EventHandler<>();
  final EventHandler<Consumer<Transaction>> beforeObserverCalls = new EventHandler<>();
  final EventHandler<Consumer<Transaction>> afterTransaction = new EventHandler<>();
  final EventHandler<Consumer<Transaction>> afterTransactionCleanup = new EventHandler<>();
  final EventHandler<Consumer<Doc>> beforeAllTransactions = new EventHandler<>();
  final EventHandler<Consumer<Doc>> afterAllTransactions = new EventHandler<>();
  final EventHandler<UpdateListener> updateListeners = new EventHandler<>();
  final EventHandler<UpdateListener> updateV2Listeners = new EventHandler<>();
  final EventHandler<Consumer<SubdocsEvent>> subdocsListeners = new EventHandler<>();
  final EventHandler<Consumer<Doc>> destroyListeners = new EventHandler<>();

  public Doc() {
    this(DocOptions.defaults());
  }

  public Doc(DocOptions options) {
    this.clientId = newClientId();
    this.guid = options.guid() != null ? options.guid() : UUID.randomUUID().toString();
    this.collectionId = options.collectionId();
    this.gc = options.gc();
    this.meta = options.meta();
    this.autoLoad = options.autoLoad();
    this.shouldLoad = options.shouldLoad();
  }

  /** A random uint32, as Yjs chooses client ids. */
  static long newClientId() {
    return ThreadLocalRandom.current().nextInt() & 0xFFFF_FFFFL;
  }

  /** The id under which this replica writes (a uint32 unless set otherwise). */
  public long clientId() {
    return clientId;
  }

  /**
   * Sets the id under which this replica writes. Two replicas must never write with the same id;
   * use this only to reproduce a known document or to give a server identity a reserved id.
   */
  public void setClientId(long clientId) {
    if (clientId < 0 || clientId > org.ensemble.protocol.lib0.Lib0Decoder.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("client id out of range: " + clientId);
    }
    this.clientId = clientId;
  }

  void renewClientId() {
    clientId = newClientId();
  }

  public String guid() {
    return guid;
  }

  public String collectionId() {
    return collectionId;
  }

  void setCollectionId(String collectionId) {
    this.collectionId = collectionId;
  }

  /** Whether deleted content is collected. */
  public boolean gc() {
    return gc;
  }

  public Object meta() {
    return meta;
  }

  public boolean autoLoad() {
    return autoLoad;
  }

  public boolean shouldLoad() {
    return shouldLoad;
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  /** The subdocuments this document currently contains. */
  public Set<Doc> getSubdocs() {
    return Collections.unmodifiableSet(subdocs);
  }

  // ---- root types -------------------------------------------------------------------------------

  public YMap getMap(String name) {
    return get(name, YMap.class, YMap::new);
  }

  public YArray getArray(String name) {
    return get(name, YArray.class, YArray::new);
  }

  public YText getText(String name) {
    return get(name, YText.class, YText::new);
  }

  public YXmlFragment getXmlFragment(String name) {
    return get(name, YXmlFragment.class, YXmlFragment::new);
  }

  public YXmlElement getXmlElement(String name) {
    return get(name, YXmlElement.class, () -> new YXmlElement("UNDEFINED"));
  }

  /** The names of the root types known so far (from {@code get*} calls or applied updates). */
  public Set<String> rootNames() {
    return Collections.unmodifiableSet(share.keySet());
  }

  /**
   * The root type called {@code name}, created on first use. An update may mention a root before
   * the application asks for it; it is then held by a placeholder that takes the requested kind on
   * the first {@code get*} call.
   */
  private <T extends AbstractType> T get(String name, Class<T> kind, Supplier<T> create) {
    AbstractType type = share.get(name);
    if (type == null) {
      T t = create.get();
      t.integrate(this, null);
      share.put(name, t);
      return t;
    }
    if (kind.isInstance(type) && type.getClass() == kind) {
      return kind.cast(type);
    }
    if (type instanceof UnresolvedRoot) {
      T t = create.get();
      t.adoptContentOf(type);
      share.put(name, t);
      t.integrate(this, null);
      return t;
    }
    throw new IllegalStateException("root type '" + name + "' is already defined as " + type.getClass().getSimpleName());
  }

  /** The root called {@code name}, as a placeholder when no kind was asked for yet. */
  AbstractType getOrCreateRoot(String name) {
    AbstractType type = share.get(name);
    if (type == null) {
      type = new UnresolvedRoot();
      type.integrate(this, null);
      share.put(name, type);
    }
    return type;
  }

  String rootNameOf(AbstractType type) {
    for (Map.Entry<String, AbstractType> e : share.entrySet()) {
      if (e.getValue() == type) {
        return e.getKey();
      }
    }
    return null;
  }

  // ---- transactions -----------------------------------------------------------------------------

  /** Runs {@code f} in a transaction (joining the current one if there is one). */
  public void transact(Consumer<Transaction> f) {
    transact(f, null);
  }

  public void transact(Consumer<Transaction> f, Object origin) {
    transact(t -> {
      f.accept(t);
      return null;
    }, origin, true);
  }

  /** Runs {@code f} in a transaction and returns its result. */
  public <R> R transactAndGet(Function<Transaction, R> f, Object origin) {
    return transact(f, origin, true);
  }

  <R> R transact(Function<Transaction, R> f, Object origin, boolean local) {
    List<Transaction> cleanups = transactionCleanups;
    boolean initialCall = false;
    if (transaction == null) {
      initialCall = true;
      transaction = new Transaction(this, origin, local);
      cleanups.add(transaction);
      if (cleanups.size() == 1) {
        beforeAllTransactions.call(this, (l, d) -> l.accept(d));
      }
      beforeTransaction.call(transaction, (l, t) -> l.accept(t));
    }
    try {
      return f.apply(transaction);
    } finally {
      if (initialCall) {
        boolean finishCleanup = transaction == cleanups.get(0);
        transaction = null;
        if (finishCleanup) {
          // Observers may start transactions of their own; those are cleaned up after this one.
          TransactionCleanup.run(cleanups, 0);
        }
      }
    }
  }

  // ---- updates ----------------------------------------------------------------------------------

  /** Applies a v1 update from another replica. Bad input raises {@code DecodingException} and changes nothing. */
  public void applyUpdate(byte[] update) {
    applyUpdate(update, null);
  }

  public void applyUpdate(byte[] update, Object origin) {
    UpdateReader.applyUpdate(this, update, origin, false);
  }

  /** Applies a v2 update from another replica. */
  public void applyUpdateV2(byte[] update) {
    applyUpdateV2(update, null);
  }

  public void applyUpdateV2(byte[] update, Object origin) {
    UpdateReader.applyUpdate(this, update, origin, true);
  }

  /** Everything this document holds, as one v1 update. */
  public byte[] encodeStateAsUpdate() {
    return UpdateWriter.encodeStateAsUpdate(this, null, false);
  }

  /** What this document holds beyond the given encoded state vector, as one v1 update. */
  public byte[] encodeStateAsUpdate(byte[] encodedTargetStateVector) {
    return UpdateWriter.encodeStateAsUpdate(this, encodedTargetStateVector, false);
  }

  public byte[] encodeStateAsUpdateV2() {
    return UpdateWriter.encodeStateAsUpdate(this, null, true);
  }

  public byte[] encodeStateAsUpdateV2(byte[] encodedTargetStateVector) {
    return UpdateWriter.encodeStateAsUpdate(this, encodedTargetStateVector, true);
  }

  public byte[] encodeStateVector() {
    return store.getStateVector().encode();
  }

  public StateVector stateVector() {
    return store.getStateVector();
  }

  /** The deletions this document knows of, derived from its structs. */
  public DeleteSet deleteSet() {
    return DeleteSet.fromStructStore(store);
  }

  /** Whether applied updates are waiting for missing dependencies (structs or deletions). */
  public boolean hasPendingUpdates() {
    return store.pendingStructs != null || store.pendingDs != null;
  }

  /** The JSON form of every root type whose kind is known. */
  public Map<String, Object> toJSON() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, AbstractType> e : share.entrySet()) {
      if (!(e.getValue() instanceof UnresolvedRoot)) {
        out.put(e.getKey(), e.getValue().toJSON());
      }
    }
    return out;
  }

  // ---- events -----------------------------------------------------------------------------------

  /** Called with the v1 update of every transaction that changed something. */
  public Subscription onUpdate(UpdateListener listener) {
    return updateListeners.add(listener);
  }

  public Subscription onUpdateV2(UpdateListener listener) {
    return updateV2Listeners.add(listener);
  }

  public Subscription onBeforeTransaction(Consumer<Transaction> listener) {
    return beforeTransaction.add(listener);
  }

  /** Called after the observers of a transaction ran, before content is collected. */
  public Subscription onAfterTransaction(Consumer<Transaction> listener) {
    return afterTransaction.add(listener);
  }

  public Subscription onAfterTransactionCleanup(Consumer<Transaction> listener) {
    return afterTransactionCleanup.add(listener);
  }

  public Subscription onSubdocs(Consumer<SubdocsEvent> listener) {
    return subdocsListeners.add(listener);
  }

  public Subscription onDestroy(Consumer<Doc> listener) {
    return destroyListeners.add(listener);
  }

  /** Marks a subdocument as wanted, so that a provider loads its content. */
  public void load() {
    Item it = item;
    if (it != null && !shouldLoad) {
      it.parent.doc.transact(t -> {
        t.subdocsLoaded().add(this);
        return null;
      }, null, true);
    }
    shouldLoad = true;
  }

  public void destroy() {
    destroyed = true;
    for (Doc subdoc : new ArrayList<>(subdocs)) {
      subdoc.destroy();
    }
    Item it = item;
    if (it != null) {
      item = null;
      // The parent keeps a fresh, unloaded instance in its place (unless the content is gone).
      Doc replacement = null;
      if (it.content instanceof ContentDoc) {
        ContentDoc content = (ContentDoc) it.content;
        replacement = ContentDoc.docFromOpts(guid, content.opts);
        replacement.shouldLoad = false;
        content.doc = replacement;
        replacement.item = it;
      }
      Doc added = replacement;
      it.parent.doc.transact(t -> {
        if (added != null && !it.isDeleted()) {
          t.subdocsAdded().add(added);
        }
        t.subdocsRemoved().add(this);
        return null;
      }, null, true);
    }
    destroyListeners.call(this, (l, d) -> l.accept(d));
  }

  @Override
  public String toString() {
    return "Doc(" + guid + ", client " + clientId + ")";
  }
}
