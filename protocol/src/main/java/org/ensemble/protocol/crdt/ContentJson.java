package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Values stored as JSON text, one string per element (the word {@code undefined} for undefined).
 * Older Yjs versions wrote this; current ones read it and write {@link ContentAny} instead.
 */
final class ContentJson implements Content {
  private List<Object> arr;

  ContentJson(List<Object> arr) {
    this.arr = arr;
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
    return new ContentJson(new ArrayList<>(arr));
  }

  @Override
  public Content splice(int offset) {
    ContentJson right = new ContentJson(new ArrayList<>(arr.subList(offset, arr.size())));
    arr = new ArrayList<>(arr.subList(0, offset));
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    if (!(arr instanceof ArrayList)) {
      arr = new ArrayList<>(arr);
    }
    arr.addAll(((ContentJson) right).arr);
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
      Object c = arr.get(i);
      encoder.writeString(c == Undefined.VALUE ? "undefined" : Json.stringify(c));
    }
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_JSON;
  }

  static ContentJson read(UpdateDecoder decoder) {
    int len = decoder.readLen();
    // No up-front bound: in v2 the strings come from the string column. Each value needs at least
    // one character there, so a forged count runs out of input instead of allocating.
    List<Object> cs = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      String c = decoder.readString();
      cs.add("undefined".equals(c) ? Undefined.VALUE : Json.parse(c));
    }
    return new ContentJson(cs);
  }

  @Override
  public String toString() {
    return "Json" + arr;
  }
}
