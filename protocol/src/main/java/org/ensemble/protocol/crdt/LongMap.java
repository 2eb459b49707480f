package org.ensemble.protocol.crdt;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A map from client ids to values, in insertion order, as a JavaScript {@code Map} iterates: Yjs's
 * results depend on that order in places (the order in which a transaction's deletions are visited
 * decides which formatting marks its cleanup removes).
 *
 * <p>Every transaction creates several of these (state vectors, delete sets), almost always with a
 * handful of clients, so entries live in plain arrays searched linearly; a hash index over them is
 * only built once a map holds more than {@link #LINEAR_LIMIT} clients. No boxing per lookup.
 */
final class LongMap<V> {
  private static final int LINEAR_LIMIT = 8;
  private static final long[] NO_KEYS = {};
  private static final Object[] NO_VALUES = {};

  /** Keys and values in insertion order. */
  private long[] keys = NO_KEYS;
  private Object[] values = NO_VALUES;
  private int size;
  /** Open-addressing table of positions + 1 (0 = empty), or null while the map is small. */
  private int[] index;

  LongMap() {}

  LongMap(int expected) {
    if (expected > 0) {
      keys = new long[expected];
      values = new Object[expected];
    }
  }

  /**
   * A map of {@code keys}, which must be distinct, to {@code values}, in that order; takes the arrays.
   * Builds the index once instead of looking each key up as {@link #put} would: state vectors are
   * made this way twice per transaction.
   */
  static <V> LongMap<V> ofDistinct(long[] keys, Object[] values) {
    LongMap<V> map = new LongMap<>();
    map.keys = keys;
    map.values = values;
    map.size = keys.length;
    map.rebuildIndex();
    return map;
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private int position(long key) {
    if (index == null) {
      for (int i = 0; i < size; i++) {
        if (keys[i] == key) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int s = mix(key) & mask; ; s = (s + 1) & mask) {
      int p = index[s];
      if (p == 0) {
        return -1;
      }
      if (keys[p - 1] == key) {
        return p - 1;
      }
    }
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int p = position(key);
    return p < 0 ? null : (V) values[p];
  }

  boolean containsKey(long key) {
    return position(key) >= 0;
  }

  void put(long key, V value) {
    int p = position(key);
    if (p >= 0) {
      values[p] = value;
      return;
    }
    if (size == keys.length) {
      int cap = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, cap);
      values = Arrays.copyOf(values, cap);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    if (index != null && size * 2 <= index.length) {
      insertIntoIndex(size - 1);
    } else if (size > LINEAR_LIMIT) {
      rebuildIndex();
    }
  }

  private void insertIntoIndex(int position) {
    int mask = index.length - 1;
    int s = mix(keys[position]) & mask;
    while (index[s] != 0) {
      s = (s + 1) & mask;
    }
    index[s] = position + 1;
  }

  private void rebuildIndex() {
    if (size <= LINEAR_LIMIT) {
      index = null;
      return;
    }
    int cap = 16;
    while (cap < size * 4) {
      cap <<= 1;
    }
    index = new int[cap];
    for (int i = 0; i < size; i++) {
      insertIntoIndex(i);
    }
  }

  @SuppressWarnings("unchecked")
  V remove(long key) {
    int p = position(key);
    if (p < 0) {
      return null;
    }
    V old = (V) values[p];
    System.arraycopy(keys, p + 1, keys, p, size - p - 1);
    System.arraycopy(values, p + 1, values, p, size - p - 1);
    size--;
    values[size] = null;
    if (index != null) {
      rebuildIndex();
    }
    return old;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The keys, in insertion order. */
  long[] keys() {
    return Arrays.copyOf(keys, size);
  }

  /** The keys, highest first: the order in which Yjs writes clients. */
  long[] keysDescending() {
    long[] out = keys();
    if (out.length < 2) {
      return out;
    }
    Arrays.sort(out);
    for (int i = 0, j = out.length - 1; i < j; i++, j--) {
      long t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
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

  /** The key at {@code i} in insertion order (0 <= i < size), for loops without allocation. */
  long keyAt(int i) {
    return keys[i];
  }

  @SuppressWarnings("unchecked")
  V valueAt(int i) {
    return (V) values[i];
  }
}
