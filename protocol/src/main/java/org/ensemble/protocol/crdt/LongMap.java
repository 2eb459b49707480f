package org.ensemble.protocol.crdt;

import java.util.Arrays;
import java.util.function.BiConsumer;

/** A map from client ids to objects, in insertion order (see {@link LongKeys}). */
final class LongMap<V> extends LongKeys {
  private static final Object[] NO_VALUES = {};

  private Object[] values = NO_VALUES;

  LongMap() {}

  LongMap(int expected) {
    if (expected > 0) {
      keys = new long[expected];
      values = new Object[expected];
    }
  }

  @Override
  void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }

  @Override
  void removeValueAt(int position) {
    System.arraycopy(values, position + 1, values, position, size - position - 1);
    values[size - 1] = null;
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int p = position(key);
    return p < 0 ? null : (V) values[p];
  }

  void put(long key, V value) {
    int p = position(key);
    if (p < 0) {
      p = append(key); // may grow the values array: index it only after
    }
    values[p] = value;
  }

  @SuppressWarnings("unchecked")
  V remove(long key) {
    int p = position(key);
    if (p < 0) {
      return null;
    }
    V old = (V) values[p];
    removeAt(p);
    return old;
  }

  /** Calls {@code f} on every entry, in insertion order. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<Long, V> f) {
    int n = size;
    long[] k = keys;
    Object[] v = values;
    for (int i = 0; i < n; i++) {
      f.accept(k[i], (V) v[i]);
    }
  }

  @SuppressWarnings("unchecked")
  V valueAt(int i) {
    return (V) values[i];
  }
}
