package org.ensemble.protocol.crdt;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The structs of one client, in clock order, kept in a gap buffer. Editing splits and merges items
 * near where a person types, so insertions and removals cluster: the gap moves there once and later
 * changes nearby move few elements, where an array list would shift everything after the position
 * on every split. Reads by index cost the same as in an array.
 */
final class StructList extends AbstractList<AbstractStruct> implements RandomAccess {
  private AbstractStruct[] a = new AbstractStruct[16];
  /** Elements occupy [0, gapStart) and [gapEnd, a.length). */
  private int gapStart;
  private int gapEnd = 16;

  @Override
  public int size() {
    return a.length - (gapEnd - gapStart);
  }

  @Override
  public AbstractStruct get(int i) {
    return i < gapStart ? a[i] : a[i + (gapEnd - gapStart)];
  }

  @Override
  public AbstractStruct set(int i, AbstractStruct s) {
    int p = i < gapStart ? i : i + (gapEnd - gapStart);
    AbstractStruct old = a[p];
    a[p] = s;
    return old;
  }

  /** The last struct (the list is never empty once created). */
  AbstractStruct last() {
    return gapEnd == a.length ? a[gapStart - 1] : a[a.length - 1];
  }

  @Override
  public void add(int index, AbstractStruct s) {
    if (gapStart == gapEnd) {
      grow();
    }
    moveGap(index);
    a[gapStart++] = s;
    modCount++;
  }

  @Override
  public boolean add(AbstractStruct s) {
    add(size(), s);
    return true;
  }

  @Override
  public AbstractStruct remove(int index) {
    AbstractStruct old = get(index);
    removeRange(index, index + 1);
    return old;
  }

  @Override
  protected void removeRange(int from, int to) {
    moveGap(to);
    Arrays.fill(a, from, to, null);
    gapStart = from;
    modCount++;
  }

  /** Moves the gap so that it starts at {@code index}. */
  private void moveGap(int index) {
    if (index < gapStart) {
      int n = gapStart - index;
      System.arraycopy(a, index, a, gapEnd - n, n);
      Arrays.fill(a, index, Math.min(gapStart, gapEnd - n), null);
      gapStart -= n;
      gapEnd -= n;
    } else if (index > gapStart) {
      int n = index - gapStart;
      System.arraycopy(a, gapEnd, a, gapStart, n);
      Arrays.fill(a, Math.max(gapEnd, gapStart + n), gapEnd + n, null);
      gapStart += n;
      gapEnd += n;
    }
  }

  private void grow() {
    int size = a.length;
    int newLength = Math.max(16, size * 2);
    AbstractStruct[] b = new AbstractStruct[newLength];
    int tail = a.length - gapEnd;
    System.arraycopy(a, 0, b, 0, gapStart);
    System.arraycopy(a, gapEnd, b, newLength - tail, tail);
    a = b;
    gapEnd = newLength - tail;
  }
}
