package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of changes to one document that observers and update listeners see together. Every edit
 * runs inside one; nested calls join the outermost. When it ends, observers fire, deleted content is
 * collected, neighbouring items are merged, and one update message describing it is emitted.
 */
public final class Transaction {
  final Doc doc;
  /** What this transaction deleted. */
  final DeleteSet deleteSet = new DeleteSet();
  /** The document's state vector before the transaction. */
  final StateVector beforeState;
  /** The document's state vector after the transaction (set when it ends). */
  StateVector afterState = new StateVector();
  /** Changed types, with the keys that changed (null for the list). */
  final Map<AbstractType, Set<String>> changed = new LinkedHashMap<>();
  /** Events per type, including all its ancestors, for deep observers; null until an event is queued. */
  private Map<AbstractType, List<YEvent>> changedParentTypes;
  /** Structs that were split and may merge again. */
  final List<AbstractStruct> mergeStructs = new ArrayList<>();
  final Object origin;
  /** Whether the change was made by this replica (false for applied updates). */
  boolean local;
  private Map<Object, Object> meta;
  /** Subdocuments added, removed and loaded; null until a transaction touches one (most never do). */
  private Set<Doc> subdocsAdded;
  private Set<Doc> subdocsRemoved;
  private Set<Doc> subdocsLoaded;
  boolean needFormattingCleanup;

  Transaction(Doc doc, Object origin, boolean local) {
    this.doc = doc;
    this.beforeState = doc.store.getStateVector();
    this.origin = origin;
    this.local = local;
  }

  public Doc doc() {
    return doc;
  }

  /** What the caller passed as origin: a connection, an undo manager, a user. */
  public Object origin() {
    return origin;
  }

  /** True for edits made through this replica's API, false for applied updates. */
  public boolean isLocal() {
    return local;
  }

  public DeleteSet deleteSet() {
    return deleteSet;
  }

  public StateVector beforeState() {
    return beforeState;
  }

  public StateVector afterState() {
    return afterState;
  }

  /** Free-form data that listeners can attach to the transaction. */
  public Map<Object, Object> meta() {
    if (meta == null) {
      meta = new HashMap<>();
    }
    return meta;
  }

  /** The queued events per type, without creating the map when none were queued. */
  Map<AbstractType, List<YEvent>> queuedEvents() {
    return changedParentTypes == null ? Map.of() : changedParentTypes;
  }

  Map<AbstractType, List<YEvent>> changedParentTypes() {
    if (changedParentTypes == null) {
      changedParentTypes = new LinkedHashMap<>();
    }
    return changedParentTypes;
  }

  Set<Doc> subdocsAdded() {
    if (subdocsAdded == null) {
      subdocsAdded = new LinkedHashSet<>();
    }
    return subdocsAdded;
  }

  Set<Doc> subdocsRemoved() {
    if (subdocsRemoved == null) {
      subdocsRemoved = new LinkedHashSet<>();
    }
    return subdocsRemoved;
  }

  Set<Doc> subdocsLoaded() {
    if (subdocsLoaded == null) {
      subdocsLoaded = new LinkedHashSet<>();
    }
    return subdocsLoaded;
  }

  boolean touchedSubdocs() {
    return subdocsAdded != null || subdocsRemoved != null || subdocsLoaded != null;
  }

  /** The types changed in this transaction. */
  public Set<AbstractType> changedTypes() {
    return changed.keySet();
  }

  /** Records that {@code type} changed at {@code parentSub} (null: its list), unless it is new. */
  void addChangedType(AbstractType type, String parentSub) {
    Item item = type.item;
    if (item == null || (item.id.clock < beforeState.get(item.id.client) && !item.isDeleted())) {
      changed.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(parentSub);
    }
  }

  /** Whether {@code struct} was created in this transaction. */
  boolean adds(AbstractStruct struct) {
    return struct.id.clock >= beforeState.get(struct.id.client);
  }

  /** Writes the update that describes this transaction; false if it changed nothing. */
  boolean writeUpdateMessage(UpdateEncoder encoder) {
    if (deleteSet.isEmpty() && !stateChanged()) {
      return false;
    }
    deleteSet.sortAndMerge();
    UpdateWriter.writeClientsStructs(encoder, doc.store, beforeState);
    deleteSet.write(encoder);
    return true;
  }

  private boolean stateChanged() {
    for (int i = 0; i < afterState.size(); i++) {
      long client = afterState.clientAt(i);
      if (!beforeState.has(client) || beforeState.get(client) != afterState.get(client)) {
        return true;
      }
    }
    return false;
  }
}
