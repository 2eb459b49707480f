package org.ensemble.protocol.crdt;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A small open-addressing hash map from client ids to values. Client ids are looked up on every
 * operation; this avoids boxing a {@code Long} per lookup. Not for general use: no removal during
 * iteration, insertion order is not kept.
 */
final class LongMap<V> {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private Object[] values;
  private int size;

  LongMap() {
    this(8);
  }

  LongMap(int expected) {
    int cap = 8;
    while (cap < expected * 2) {
      cap <<= 1;
    }
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    values = new Object[cap];
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == EMPTY) {
        return null;
      }
      i = (i + 1) & mask;
    }
  }

  boolean containsKey(long key) {
    return keys[slot(key)] == key;
  }

  void put(long key, V value) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("reserved key");
    }
    int i = slot(key);
    if (keys[i] != key) {
      if ((size + 1) * 2 > keys.length) {
        grow();
        i = slot(key);
      }
      keys[i] = key;
      size++;
    }
    values[i] = value;
  }

  @SuppressWarnings("unchecked")
  V remove(long key) {
    int i = slot(key);
    if (keys[i] != key) {
      return null;
    }
    V old = (V) values[i];
    // Backward-shift deletion keeps probe chains intact.
    int mask = keys.length - 1;
    int gap = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (keys[j] == EMPTY) {
        break;
      }
      int home = mix(keys[j]) & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = EMPTY;
    values[gap] = null;
    size--;
    return old;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(values, null);
    size = 0;
  }

  /** The keys, in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    return out;
  }

  /** The keys, highest first: the order in which Yjs writes clients. */
  long[] keysDescending() {
    long[] out = keys();
    Arrays.sort(out);
    for (int i = 0, j = out.length - 1; i < j; i++, j--) {
      long t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<Long, V> f) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        f.accept(keys[i], (V) values[i]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new Object[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        values[s] = oldValues[i];
        size++;
      }
    }
  }
}
