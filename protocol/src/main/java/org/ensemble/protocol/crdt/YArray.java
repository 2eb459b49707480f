package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A shared list of values: plain values, byte arrays, nested shared types or subdocuments.
 * Concurrent inserts at one position end up in the same order on every replica.
 */
public class YArray extends AbstractType implements Iterable<Object> {
  /** Content inserted before the array was added to a document. */
  private List<Object> prelim = new ArrayList<>();

  public YArray() {
    searchMarkers = new ArrayList<>();
  }

  /** An array that will hold {@code values} once it is added to a document. */
  public static YArray of(List<?> values) {
    YArray a = new YArray();
    a.push(values);
    return a;
  }

  @Override
  void integrate(Doc y, Item item) {
    super.integrate(y, item);
    List<Object> content = prelim;
    prelim = null;
    if (!content.isEmpty()) {
      insert(0, content);
    }
  }

  @Override
  AbstractType emptyCopy() {
    return new YArray();
  }

  /** A copy with the same content, not yet part of any document. */
  public YArray copy() {
    List<Object> values = new ArrayList<>();
    for (Object v : toArray()) {
      values.add(v instanceof YMap ? ((YMap) v).copy() : v instanceof YArray ? ((YArray) v).copy()
          : v instanceof YText ? ((YText) v).copy() : v);
    }
    return of(values);
  }

  public int length() {
    return doc == null ? prelim.size() : length;
  }

  @Override
  void callObserver(Transaction transaction, Set<String> parentSubs) {
    super.callObserver(transaction, parentSubs);
    if (isObserved()) {
      callTypeObservers(transaction, new YArrayEvent(this, transaction));
    }
  }

  public Subscription observe(YObserver<YArrayEvent> observer) {
    return addObserver(observer);
  }

  /** Inserts {@code content} at {@code index}; plain values next to each other share one item. */
  public void insert(int index, List<?> content) {
    if (doc == null) {
      prelim.addAll(index, content);
    } else {
      doc.transact(t -> ListOperations.insert(t, this, index, content));
    }
  }

  public void push(List<?> content) {
    if (doc == null) {
      prelim.addAll(content);
    } else {
      doc.transact(t -> ListOperations.push(t, this, content));
    }
  }

  public void unshift(List<?> content) {
    insert(0, content);
  }

  public void delete(int index) {
    delete(index, 1);
  }

  public void delete(int index, int length) {
    if (doc == null) {
      prelim.subList(index, index + length).clear();
    } else {
      doc.transact(t -> ListOperations.delete(t, this, index, length));
    }
  }

  public Object get(int index) {
    return doc == null ? prelim.get(index) : ListOperations.get(this, index);
  }

  public List<Object> toArray() {
    return doc == null ? new ArrayList<>(prelim) : ListOperations.toList(this);
  }

  /** Elements from {@code start} (inclusive) to {@code end} (exclusive); negative counts from the end. */
  public List<Object> slice(int start, int end) {
    return ListOperations.slice(this, start, end);
  }

  @Override
  public List<Object> toJSON() {
    List<Object> out = new ArrayList<>(length());
    for (Object v : toArray()) {
      out.add(toJsonValueOf(v));
    }
    return out;
  }

  public void forEach(BiConsumer<Object, Integer> f) {
    int i = 0;
    for (Object v : toArray()) {
      f.accept(v, i++);
    }
  }

  @Override
  public Iterator<Object> iterator() {
    return toArray().iterator();
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YARRAY);
  }

  @Override
  public String toString() {
    return "YArray" + toJSON();
  }
}
