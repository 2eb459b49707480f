package org.ensemble.protocol.crdt;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A small open-addressing hash map from client ids to values. Client ids are looked up on every
 * operation; this avoids boxing a {@code Long} per lookup. Iteration follows insertion order, as a
 * JavaScript {@code Map} does: Yjs's results depend on that order in places (the order in which a
 * transaction's deletions are visited decides which formatting marks its cleanup removes).
 */
final class LongMap<V> {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private Object[] values;
  private int size;
  /** The keys in insertion order. */
  private long[] order = new long[4];

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
      if (size == order.length) {
        order = Arrays.copyOf(order, size * 2);
      }
      order[size] = key;
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
    for (int k = 0; k < size; k++) {
      if (order[k] == key) {
        System.arraycopy(order, k + 1, order, k, size - k - 1);
        break;
      }
    }
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

  /** The keys, in insertion order. */
  long[] keys() {
    return Arrays.copyOf(order, size);
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

  /** Calls {@code f} on every entry, in insertion order. */
  void forEach(BiConsumer<Long, V> f) {
    for (long k : keys()) {
      f.accept(k, get(k));
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        values[s] = oldValues[i];
      }
    }
  }
}
