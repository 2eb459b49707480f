package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain values (lib0 any): the elements of arrays and the values of maps that are not Y types. A run
 * of integers is kept unboxed ({@link IntValueList}); a single value (every map value) without a list
 * around it, since a long-edited document holds one such content per live map entry.
 */
final class ContentAny implements Content {
  private List<Object> arr;

  ContentAny(List<Object> arr) {
    this.arr = compact(arr);
  }

  private static List<Object> compact(List<Object> arr) {
    if (arr instanceof IntValueList || arr.isEmpty()) {
      return arr;
    }
    if (arr.size() == 1) {
      return Collections.singletonList(arr.get(0));
    }
    IntValueList ints = IntValueList.of(arr);
    return ints != null ? ints : arr;
  }

  @Override
  public int length() {
    return arr.size();
  }

  @Override
  public List<Object> getContent() {
    return arr;
  }

  @Override
  public boolean isCountable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentAny(new ArrayList<>(arr));
  }

  @Override
  public Content splice(int offset) {
    if (arr instanceof IntValueList) {
      IntValueList ints = (IntValueList) arr;
      ContentAny right = new ContentAny(ints.copyRange(offset, ints.size()));
      arr = ints.copyRange(0, offset);
      return right;
    }
    ContentAny right = new ContentAny(new ArrayList<>(arr.subList(offset, arr.size())));
    arr = compact(new ArrayList<>(arr.subList(0, offset)));
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    List<Object> other = ((ContentAny) right).arr;
    if (arr instanceof IntValueList ints) {
      IntValueList more = other instanceof IntValueList o ? o : IntValueList.of(other);
      if (more != null) {
        ints.addAll(more);
        return true;
      }
    }
    if (arr instanceof ArrayList) {
      arr.addAll(other);
      return true;
    }
    // A single value, or an integer run meeting other values: one list from here on (and two integers
    // an unboxed run).
    List<Object> joined = new ArrayList<>(arr.size() + other.size());
    joined.addAll(arr);
    joined.addAll(other);
    arr = compact(joined);
    return true;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {}

  @Override
  public void delete(Transaction transaction) {}

  @Override
  public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    int len = arr.size();
    encoder.writeLen(len - offset);
    for (int i = offset; i < len; i++) {
      encoder.writeAny(arr.get(i));
    }
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_ANY;
  }

  static ContentAny read(UpdateDecoder decoder) {
    int len = decoder.readLen();
    if (len > decoder.rest().remaining()) {
      throw decoder.rest().error("any content claims " + len + " values, only " + decoder.rest().remaining() + " bytes left");
    }
    List<Object> cs = new ArrayList<>(len);
    for (int i = 0; i < len; i++) {
      cs.add(decoder.readAny());
    }
    return new ContentAny(cs);
  }

  @Override
  public String toString() {
    return "Any" + arr;
  }
}
