package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A shared map from string keys to values: plain values, byte arrays, nested shared types or
 * subdocuments. Concurrent writes to one key resolve to the same winner on every replica.
 */
public class YMap extends AbstractType {
  /** Entries set before the map was added to a document. */
  private Map<String, Object> prelim = new LinkedHashMap<>();

  public YMap() {}

  /** A map that will hold {@code entries} once it is added to a document. */
  public YMap(Map<String, ?> entries) {
    prelim.putAll(entries);
  }

  @Override
  void integrate(Doc y, Item item) {
    super.integrate(y, item);
    Map<String, Object> entries = prelim;
    prelim = null;
    entries.forEach(this::set);
  }

  @Override
  AbstractType emptyCopy() {
    return new YMap();
  }

  /** A copy with the same content, not yet part of any document. */
  public YMap copy() {
    YMap map = new YMap();
    forEach((key, value) -> map.set(key, value instanceof YMap ? ((YMap) value).copy()
        : value instanceof YArray ? ((YArray) value).copy() : value instanceof YText ? ((YText) value).copy() : value));
    return map;
  }

  @Override
  void callObserver(Transaction transaction, Set<String> parentSubs) {
    if (isObserved()) {
      callTypeObservers(transaction, new YMapEvent(this, transaction, parentSubs));
    }
  }

  public Subscription observe(YObserver<YMapEvent> observer) {
    return addObserver(observer);
  }

  @Override
  public Map<String, Object> toJSON() {
    Map<String, Object> out = new LinkedHashMap<>();
    forEach((key, value) -> out.put(key, toJsonValueOf(value)));
    return out;
  }

  public int size() {
    return doc == null ? prelim.size() : mapEntries().size();
  }

  public Set<String> keys() {
    return doc == null ? prelim.keySet() : mapEntries().keySet();
  }

  public List<Object> values() {
    return new ArrayList<>(doc == null ? prelim.values() : mapEntries().values());
  }

  /** The current entries, in the order their keys were first set. */
  public Map<String, Object> entries() {
    return doc == null ? new LinkedHashMap<>(prelim) : mapEntries();
  }

  public void forEach(BiConsumer<String, Object> f) {
    entries().forEach(f);
  }

  /** Sets {@code key}; returns {@code value}. */
  public <T> T set(String key, T value) {
    if (doc == null) {
      prelim.put(key, value);
    } else {
      doc.transact(t -> MapOperations.set(t, this, key, value));
    }
    return value;
  }

  /** The value of {@code key}, or null when the key is absent. */
  public Object get(String key) {
    if (doc == null) {
      return prelim.get(key);
    }
    Object v = mapValue(key);
    return v == org.ensemble.protocol.lib0.Undefined.VALUE && !has(key) ? null : v;
  }

  public boolean has(String key) {
    return doc == null ? prelim.containsKey(key) : mapHas(key);
  }

  public void delete(String key) {
    if (doc == null) {
      prelim.remove(key);
    } else {
      doc.transact(t -> MapOperations.delete(t, this, key));
    }
  }

  public void clear() {
    if (doc == null) {
      prelim.clear();
    } else {
      doc.transact(t -> forEachMapEntry((key, item) -> {
        if (!item.isDeleted()) {
          item.delete(t);
        }
      }));
    }
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YMAP);
  }

  @Override
  public String toString() {
    return "YMap" + toJSON();
  }
}
