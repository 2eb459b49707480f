package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A list of XML nodes ({@link YXmlElement}, {@link YXmlText}, {@link YXmlHook}). Ensemble does not edit
 * XML; these types exist so that documents written by other Yjs applications decode, integrate and
 * re-encode without loss, and print as Yjs prints them.
 */
public class YXmlFragment extends AbstractType {
  private List<AbstractType> prelim = new ArrayList<>();

  public YXmlFragment() {
    searchMarkers = new ArrayList<>();
  }

  @Override
  void integrate(Doc y, Item item) {
    super.integrate(y, item);
    List<AbstractType> content = prelim;
    prelim = null;
    if (!content.isEmpty()) {
      insert(0, content);
    }
  }

  @Override
  AbstractType emptyCopy() {
    return new YXmlFragment();
  }

  public int length() {
    return doc == null ? prelim.size() : length;
  }

  @Override
  void callObserver(Transaction transaction, Set<String> parentSubs) {
    if (isObserved()) {
      callTypeObservers(transaction, new YXmlEvent(this, parentSubs, transaction));
    }
  }

  public Subscription observe(YObserver<YXmlEvent> observer) {
    return addObserver(observer);
  }

  public void insert(int index, List<? extends AbstractType> nodes) {
    if (doc == null) {
      prelim.addAll(index, nodes);
    } else {
      doc.transact(t -> ListOperations.insert(t, this, index, nodes));
    }
  }

  public void push(List<? extends AbstractType> nodes) {
    if (doc == null) {
      prelim.addAll(nodes);
    } else {
      doc.transact(t -> ListOperations.push(t, this, nodes));
    }
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

  /** The children printed one after the other. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object child : toArray()) {
      sb.append(JsStrings.of(child));
    }
    return sb.toString();
  }

  @Override
  public Object toJSON() {
    return toString();
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YXML_FRAGMENT);
  }
}
