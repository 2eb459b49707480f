package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Undefined;

/**
 * The base of every shared type. A type owns a list of items ({@link #start}, linked through
 * {@code right}) and a map from keys to the newest item of each key (older values hang off it through
 * {@code left}). Arrays and text use the list, maps the map, XML elements both.
 *
 * <p>Like the {@link Doc} it belongs to, a type is confined to one thread at a time.
 */
public abstract class AbstractType implements Json.JsonValue {
  /** The item that holds this type in its parent, or null for a root type. */
  Item item;
  private Map<String, Item> map;
  Item start;
  Doc doc;
  /** The number of visible list positions. */
  int length;
  /** Non-null while search markers speed up index lookups (off once text carries formatting). */
  List<SearchMarker> searchMarkers;
  long searchMarkerClock;
  boolean hasFormatting;
  final EventHandler<YObserver<YEvent>> eventHandler = new EventHandler<>();
  final EventHandler<YDeepObserver> deepEventHandler = new EventHandler<>();

  AbstractType() {}

  /** The document this type is part of; null until it is integrated. */
  public Doc doc() {
    return doc;
  }

  /** The type that contains this one, or null for a root type (or one not yet integrated). */
  public AbstractType parent() {
    return item == null ? null : item.parent;
  }

  /** Whether this type has been deleted from its parent. */
  public boolean isDeleted() {
    return item != null && item.isDeleted();
  }

  void integrate(Doc y, Item item) {
    this.doc = y;
    this.item = item;
  }

  /** A new empty type of the same kind (Yjs's {@code _copy}). */
  abstract AbstractType emptyCopy();

  abstract void writeTypeRef(UpdateEncoder encoder);

  /** Fires this type's observers for a finished transaction. */
  void callObserver(Transaction transaction, Set<String> parentSubs) {
    if (!transaction.local && searchMarkers != null) {
      searchMarkers.clear();
    }
  }

  /**
   * Whether an event of this type would reach anyone: its observers, or deep observers of it or of
   * an ancestor. Events are only built when it would, since most edits are not observed.
   */
  boolean isObserved() {
    if (!eventHandler.isEmpty()) {
      return true;
    }
    for (AbstractType t = this; t != null; t = t.item == null ? null : t.item.parent) {
      if (!t.deepEventHandler.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Queues {@code event} for deep observers up the parent chain and calls this type's observers. */
  void callTypeObservers(Transaction transaction, YEvent event) {
    AbstractType type = this;
    while (true) {
      transaction.changedParentTypes().computeIfAbsent(type, t -> new ArrayList<>()).add(event);
      if (type.item == null) {
        break;
      }
      type = type.item.parent;
    }
    eventHandler.call(event, (l, e) -> l.onEvent(e, transaction));
  }

  @SuppressWarnings("unchecked")
  Subscription addObserver(YObserver<? extends YEvent> observer) {
    return eventHandler.add((YObserver<YEvent>) observer);
  }

  /** Unregisters an observer registered with {@code observe}. */
  public void unobserve(YObserver<? extends YEvent> observer) {
    eventHandler.remove(castObserver(observer));
  }

  @SuppressWarnings("unchecked")
  private static YObserver<YEvent> castObserver(YObserver<? extends YEvent> observer) {
    return (YObserver<YEvent>) observer;
  }

  /** Observes this type and every type nested in it. */
  public Subscription observeDeep(YDeepObserver observer) {
    return deepEventHandler.add(observer);
  }

  public void unobserveDeep(YDeepObserver observer) {
    deepEventHandler.remove(observer);
  }

  /** The JSON form of the content: a map, a list or a string depending on the type. */
  public abstract Object toJSON();

  @Override
  public Object toJsonValue() {
    return toJSON();
  }

  /** The first list item that is not deleted. */
  Item first() {
    Item n = start;
    while (n != null && n.isDeleted()) {
      n = n.right;
    }
    return n;
  }

  // ---- the key → item map ------------------------------------------------------------------

  Item mapGet(String key) {
    return map == null ? null : map.get(key);
  }

  void mapSet(String key, Item value) {
    if (map == null) {
      map = new LinkedHashMap<>();
    }
    map.put(key, value);
  }

  void forEachMapEntry(BiConsumer<String, Item> f) {
    if (map != null) {
      for (Map.Entry<String, Item> e : map.entrySet()) {
        f.accept(e.getKey(), e.getValue());
      }
    }
  }

  void clearMap() {
    map = null;
  }

  /** Moves the items of a placeholder root into this freshly created root of the wanted kind. */
  void adoptContentOf(AbstractType placeholder) {
    map = placeholder.map;
    forEachMapEntry((key, newest) -> {
      for (Item n = newest; n != null; n = n.left) {
        n.parent = this;
      }
    });
    start = placeholder.start;
    for (Item n = start; n != null; n = n.right) {
      n.parent = this;
    }
    length = placeholder.length;
  }

  /** The name under which this root type is registered in its document. */
  String rootName() {
    String name = doc.rootNameOf(this);
    if (name == null) {
      throw new IllegalStateException("type is not a root of its document");
    }
    return name;
  }

  /** Keeps search markers valid when an item absorbs its right neighbour. */
  void onItemMerged(Item left, Item right) {
    if (searchMarkers != null) {
      for (SearchMarker marker : searchMarkers) {
        if (marker.p == right) {
          marker.p = left;
          if (left.isVisible()) {
            marker.index -= left.length;
          }
        }
      }
    }
  }

  // ---- shared helpers for map-like access -------------------------------------------------------

  /** The current value of {@code key}, or {@link Undefined#VALUE} when absent. */
  Object mapValue(String key) {
    Item val = mapGet(key);
    if (val == null || val.isDeleted()) {
      return Undefined.VALUE;
    }
    return valueOf(val);
  }

  /** The value a map entry item holds: its last element (undefined for content without values). */
  static Object valueOf(Item item) {
    List<Object> c = item.content.getContent();
    return item.length - 1 < c.size() ? c.get(item.length - 1) : Undefined.VALUE;
  }

  boolean mapHas(String key) {
    Item val = mapGet(key);
    return val != null && !val.isDeleted();
  }

  /** The visible entries of the map, in insertion order of their keys. */
  Map<String, Object> mapEntries() {
    Map<String, Object> res = new LinkedHashMap<>();
    forEachMapEntry((key, val) -> {
      if (!val.isDeleted()) {
        res.put(key, valueOf(val));
      }
    });
    return res;
  }

  static Object toJsonValueOf(Object v) {
    return v instanceof AbstractType ? ((AbstractType) v).toJSON() : v;
  }
}
