package org.ensemble.protocol.crdt;

import java.util.Arrays;

/**
 * The keys of a map from client ids, in insertion order, as a JavaScript {@code Map} iterates: Yjs's
 * results depend on that order in places (the order in which a transaction's deletions are visited
 * decides which formatting marks its cleanup removes). Subclasses keep the values in arrays parallel
 * to the keys.
 *
 * <p>Every transaction creates several such maps (state vectors, delete sets), almost always with a
 * handful of clients, so keys live in a plain array searched linearly; a hash index over them is
 * only built once a map holds more than {@link #LINEAR_LIMIT} clients. No boxing per lookup.
 */
abstract class LongKeys {
  private static final int LINEAR_LIMIT = 8;
  private static final long[] NO_KEYS = {};

  long[] keys = NO_KEYS;
  int size;
  /** Open-addressing table of positions + 1 (0 = empty), or null while the map is small. */
  int[] index;

  /** Makes room for {@code capacity} values (the keys array grows alongside). */
  abstract void growValues(int capacity);

  /** Moves the values after {@code position} one place down over it (size not yet reduced). */
  abstract void removeValueAt(int position);

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  final int position(long key) {
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

  /** Appends {@code key}, which must be absent, and returns its position. */
  final int append(long key) {
    if (size == keys.length) {
      int cap = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, cap);
      growValues(cap);
    }
    keys[size] = key;
    size++;
    if (index != null && size * 2 <= index.length) {
      insertIntoIndex(size - 1);
    } else if (size > LINEAR_LIMIT) {
      rebuildIndex();
    }
    return size - 1;
  }

  final void removeAt(int position) {
    System.arraycopy(keys, position + 1, keys, position, size - position - 1);
    removeValueAt(position);
    size--;
    if (index != null) {
      rebuildIndex();
    }
  }

  /** Copies the keys and index of {@code other}: the values must then be put at the same positions. */
  final void copyKeys(LongKeys other) {
    keys = Arrays.copyOf(other.keys, other.size);
    size = other.size;
    index = other.index == null ? null : other.index.clone();
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

  final boolean containsKey(long key) {
    return position(key) >= 0;
  }

  final int size() {
    return size;
  }

  final boolean isEmpty() {
    return size == 0;
  }

  /** The keys, in insertion order. */
  final long[] keys() {
    return Arrays.copyOf(keys, size);
  }

  /** The keys, highest first: the order in which Yjs writes clients. */
  final long[] keysDescending() {
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

  /** The key at {@code i} in insertion order (0 <= i < size), for loops without allocation. */
  final long keyAt(int i) {
    return keys[i];
  }
}
