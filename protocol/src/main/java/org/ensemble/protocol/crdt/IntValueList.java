package org.ensemble.protocol.crdt;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list of Integer values kept as an {@code int[]}. Arrays of numbers (pitches, ticks, ids) are
 * common in documents; boxing each would take four times the memory a JavaScript engine needs for the
 * same array. Reads box on access.
 */
final class IntValueList extends AbstractList<Object> implements RandomAccess {
  private int[] values;
  private int size;

  private IntValueList(int[] values, int size) {
    this.values = values;
    this.size = size;
  }

  /** An int list holding {@code list}, or null when not every element is an Integer. */
  static IntValueList of(List<?> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      if (!(v instanceof Integer)) {
        return null;
      }
      out[i] = (Integer) v;
    }
    return new IntValueList(out, out.length);
  }

  @Override
  public Object get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  @Override
  public int size() {
    return size;
  }

  IntValueList copyRange(int from, int to) {
    return new IntValueList(Arrays.copyOfRange(values, from, to), to - from);
  }

  void addAll(IntValueList other) {
    if (size + other.size > values.length) {
      values = Arrays.copyOf(values, Math.max(size + other.size, values.length * 2));
    }
    System.arraycopy(other.values, 0, values, size, other.size);
    size += other.size;
  }
}
