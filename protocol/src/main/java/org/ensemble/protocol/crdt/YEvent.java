package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.protocol.lib0.Undefined;

/**
 * What changed in one shared type during one transaction. Computed lazily from the transaction, so
 * it must be read while observers run, not kept for later.
 */
public class YEvent {
  final AbstractType target;
  AbstractType currentTarget;
  final Transaction transaction;
  private List<Object> path;
  private Map<String, KeyChange> keys;
  private List<Map<String, Object>> delta;
  private Set<Item> added;
  private Set<Item> deleted;

  YEvent(AbstractType target, Transaction transaction) {
    this.target = target;
    this.currentTarget = target;
    this.transaction = transaction;
  }

  /** The type that changed. */
  public AbstractType target() {
    return target;
  }

  /** The type whose observer is being called (differs from the target for deep observers). */
  public AbstractType currentTarget() {
    return currentTarget;
  }

  public Transaction transaction() {
    return transaction;
  }

  void resetPath() {
    path = null;
  }

  /** Keys (strings) and indices (integers) leading from the current target to the target. */
  public List<Object> path() {
    if (path == null) {
      path = pathTo(currentTarget, target);
    }
    return path;
  }

  private static List<Object> pathTo(AbstractType parent, AbstractType child) {
    LinkedList<Object> path = new LinkedList<>();
    while (child.item != null && child != parent) {
      if (child.item.parentSub != null) {
        path.addFirst(child.item.parentSub);
      } else {
        int i = 0;
        for (Item c = child.item.parent.start; c != child.item && c != null; c = c.right) {
          if (c.isVisible()) {
            i += c.length;
          }
        }
        path.addFirst(i);
      }
      child = child.item.parent;
    }
    return new ArrayList<>(path);
  }

  /** Whether {@code struct} was deleted in this transaction. */
  boolean deletes(AbstractStruct struct) {
    return transaction.deleteSet.isDeleted(struct.id);
  }

  /** Whether {@code struct} was added in this transaction. */
  boolean adds(AbstractStruct struct) {
    return transaction.adds(struct);
  }

  void checkAlive() {
    if (transaction.doc.transactionCleanups.isEmpty()) {
      throw new IllegalStateException("changes can only be computed while the event handlers run");
    }
  }

  /** The keys that changed, with how and their previous values. */
  public Map<String, KeyChange> keys() {
    if (keys == null) {
      checkAlive();
      Map<String, KeyChange> result = new LinkedHashMap<>();
      Set<String> changed = transaction.changed.get(target);
      if (changed != null) {
        for (String key : changed) {
          if (key == null) {
            continue;
          }
          Item item = target.mapGet(key);
          KeyChange change = keyChange(item);
          if (change != null) {
            result.put(key, change);
          }
        }
      }
      keys = result;
    }
    return keys;
  }

  private KeyChange keyChange(Item item) {
    if (adds(item)) {
      Item prev = item.left;
      while (prev != null && adds(prev)) {
        prev = prev.left;
      }
      if (deletes(item)) {
        if (prev != null && deletes(prev)) {
          return new KeyChange("delete", last(prev));
        }
        return null;
      }
      if (prev != null && deletes(prev)) {
        return new KeyChange("update", last(prev));
      }
      return new KeyChange("add", Undefined.VALUE);
    }
    if (deletes(item)) {
      return new KeyChange("delete", last(item));
    }
    return null;
  }

  private static Object last(Item item) {
    List<Object> c = item.content.getContent();
    return c.isEmpty() ? Undefined.VALUE : c.get(c.size() - 1);
  }

  /**
   * The change of the list as a delta: maps with one of "insert" (a list of values), "delete"
   * (a count) or "retain" (a count).
   */
  public List<Map<String, Object>> delta() {
    computeChanges();
    return delta;
  }

  /**
   * The values this transaction inserted into the list and did not delete again: the values of
   * {@link #delta()}'s inserts, but ordered by author and clock rather than by position. Found from
   * the structs the transaction added instead of by walking the whole list as the delta must (to
   * count positions), so it costs the same on a list of ten items as on one of ten thousand.
   */
  public List<Object> insertedValues() {
    checkAlive();
    List<Object> values = new ArrayList<>();
    Set<String> changed = transaction.changed.get(target);
    if (changed == null || !changed.contains(null)) {
      return values;
    }
    StateVector before = transaction.beforeState;
    StructStore store = transaction.doc.store;
    for (int c = 0; c < store.clients.size(); c++) {
      StructList structs = store.clients.valueAt(c);
      int from = before.get(store.clients.keyAt(c));
      AbstractStruct last = structs.last();
      if (last.id.clock + last.length <= from) {
        continue;
      }
      for (int i = StructStore.findIndex(structs, from); i < structs.size(); i++) {
        if (structs.get(i) instanceof Item item && item.parent == target && item.parentSub == null
            && !item.isDeleted()) {
          values.addAll(item.content.getContent());
        }
      }
    }
    return values;
  }

  /** Values inserted into the list in this transaction (with their items' order). */
  Set<Item> addedItems() {
    computeChanges();
    return added;
  }

  Set<Item> deletedItems() {
    computeChanges();
    return deleted;
  }

  private void computeChanges() {
    if (delta != null) {
      return;
    }
    checkAlive();
    List<Map<String, Object>> ops = new ArrayList<>();
    Set<Item> add = new HashSet<>();
    Set<Item> del = new HashSet<>();
    Set<String> changed = transaction.changed.get(target);
    if (changed != null && changed.contains(null)) {
      Map<String, Object> lastOp = null;
      String lastKind = null;
      for (Item item = target.start; item != null; item = item.right) {
        if (item.isDeleted()) {
          if (deletes(item) && !adds(item)) {
            if (!"delete".equals(lastKind)) {
              lastOp = newOp(ops, "delete", 0);
              lastKind = "delete";
            }
            lastOp.put("delete", (Integer) lastOp.get("delete") + item.length);
            del.add(item);
          }
        } else if (adds(item)) {
          if (!"insert".equals(lastKind)) {
            lastOp = newOp(ops, "insert", new ArrayList<>());
            lastKind = "insert";
          }
          @SuppressWarnings("unchecked")
          List<Object> ins = (List<Object>) lastOp.get("insert");
          ins.addAll(item.content.getContent());
          add.add(item);
        } else {
          if (!"retain".equals(lastKind)) {
            lastOp = newOp(ops, "retain", 0);
            lastKind = "retain";
          }
          lastOp.put("retain", (Integer) lastOp.get("retain") + item.length);
        }
      }
      // a trailing retain says nothing
      if ("retain".equals(lastKind)) {
        ops.remove(ops.size() - 1);
      }
    }
    delta = ops;
    added = add;
    deleted = del;
  }

  private static Map<String, Object> newOp(List<Map<String, Object>> ops, String kind, Object value) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put(kind, value);
    ops.add(op);
    return op;
  }
}
