package org.ensemble.protocol.crdt;

import java.util.Arrays;

/**
 * A map from client ids to ints, in insertion order (see {@link LongKeys}): a state vector's clocks,
 * which every transaction builds and every list event looks up once per item, so without boxing.
 */
final class LongIntMap extends LongKeys {
  private static final int[] NO_VALUES = {};

  private int[] values = NO_VALUES;

  LongIntMap() {}

  /**
   * The keys of {@code other} in its order, with {@code values} at the same positions (takes the
   * array): copying the index is cheaper than hashing every key again.
   */
  static LongIntMap sameKeysAs(LongKeys other, int[] values) {
    LongIntMap map = new LongIntMap();
    map.copyKeys(other);
    map.values = values;
    return map;
  }

  @Override
  void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }

  @Override
  void removeValueAt(int position) {
    System.arraycopy(values, position + 1, values, position, size - position - 1);
  }

  /** The value of {@code key}, or {@code absent}. */
  int get(long key, int absent) {
    int p = position(key);
    return p < 0 ? absent : values[p];
  }

  void put(long key, int value) {
    int p = position(key);
    if (p < 0) {
      p = append(key); // may grow the values array: index it only after
    }
    values[p] = value;
  }
}
