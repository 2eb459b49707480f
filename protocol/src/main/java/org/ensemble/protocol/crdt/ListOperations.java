package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;

/** Index-based reads and edits of a type's item list, shared by arrays, text and XML fragments. */
final class ListOperations {
  private ListOperations() {}

  static Object get(AbstractType type, int index) {
    SearchMarker marker = SearchMarker.find(type, index);
    Item n = type.start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
    }
    for (; n != null; n = n.right) {
      if (n.isVisible()) {
        if (index < n.length) {
          return n.content.getContent().get(index);
        }
        index -= n.length;
      }
    }
    throw new IndexOutOfBoundsException("index " + index + " beyond the end");
  }

  static List<Object> toList(AbstractType type) {
    List<Object> cs = new ArrayList<>(type.length);
    for (Item n = type.start; n != null; n = n.right) {
      if (n.isVisible()) {
        cs.addAll(n.content.getContent());
      }
    }
    return cs;
  }

  static List<Object> slice(AbstractType type, int start, int end) {
    if (start < 0) {
      start = type.length + start;
    }
    if (end < 0) {
      end = type.length + end;
    }
    int len = end - start;
    List<Object> cs = new ArrayList<>(Math.max(0, len));
    for (Item n = type.start; n != null && len > 0; n = n.right) {
      if (n.isVisible()) {
        List<Object> c = n.content.getContent();
        if (c.size() <= start) {
          start -= c.size();
        } else {
          for (int i = start; i < c.size() && len > 0; i++) {
            cs.add(c.get(i));
            len--;
          }
          start = 0;
        }
      }
    }
    return cs;
  }

  /** Inserts {@code content} after {@code referenceItem} (null: at the start), packing plain values. */
  static void insertAfter(Transaction transaction, AbstractType parent, Item referenceItem, List<?> content) {
    Item left = referenceItem;
    Doc doc = transaction.doc;
    long ownClientId = doc.clientId();
    StructStore store = doc.store;
    Item right = referenceItem == null ? parent.start : referenceItem.right;
    List<Object> plain = new ArrayList<>();
    for (Object c : content) {
      if (Values.isStructured(c)) {
        if (!plain.isEmpty()) {
          left = insertItem(transaction, store, ownClientId, left, right, parent, new ContentAny(plain));
          plain = new ArrayList<>();
        }
        left = insertItem(transaction, store, ownClientId, left, right, parent, Values.contentFor(c));
      } else {
        plain.add(Values.plain(c));
      }
    }
    if (!plain.isEmpty()) {
      insertItem(transaction, store, ownClientId, left, right, parent, new ContentAny(plain));
    }
  }

  private static Item insertItem(Transaction transaction, StructStore store, long client, Item left, Item right,
                                 AbstractType parent, Content content) {
    Item item = new Item(new ID(client, store.getState(client)), left, left == null ? null : left.lastId(),
        right, right == null ? null : right.id, parent, null, null, content);
    item.integrate(transaction, 0);
    return item;
  }

  static void insert(Transaction transaction, AbstractType parent, int index, List<?> content) {
    if (index > parent.length || index < 0) {
      throw new IndexOutOfBoundsException("insert at " + index + " in a list of length " + parent.length);
    }
    if (index == 0) {
      if (parent.searchMarkers != null) {
        SearchMarker.updateChanges(parent.searchMarkers, index, content.size());
      }
      insertAfter(transaction, parent, null, content);
      return;
    }
    int startIndex = index;
    SearchMarker marker = SearchMarker.find(parent, index);
    Item n = parent.start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
      if (index == 0) {
        n = n.prev(); // the left undeleted item, so that index can decrease
        index += (n != null && n.isVisible()) ? n.length : 0;
      }
    }
    for (; n != null; n = n.right) {
      if (n.isVisible()) {
        if (index <= n.length) {
          if (index < n.length) {
            transaction.doc.store.getItemCleanStart(transaction, new ID(n.id.client, n.id.clock + index));
          }
          break;
        }
        index -= n.length;
      }
    }
    if (parent.searchMarkers != null) {
      SearchMarker.updateChanges(parent.searchMarkers, startIndex, content.size());
    }
    insertAfter(transaction, parent, n, content);
  }

  static void push(Transaction transaction, AbstractType parent, List<?> content) {
    SearchMarker best = null;
    if (parent.searchMarkers != null) {
      for (SearchMarker m : parent.searchMarkers) {
        if (best == null ? m.index > 0 : m.index > best.index) {
          best = m;
        }
      }
    }
    Item n = best == null ? parent.start : best.p;
    if (n != null) {
      while (n.right != null) {
        n = n.right;
      }
    }
    insertAfter(transaction, parent, n, content);
  }

  static void delete(Transaction transaction, AbstractType parent, int index, int length) {
    if (length == 0) {
      return;
    }
    if (index < 0 || length < 0) {
      throw new IndexOutOfBoundsException("delete " + length + " at " + index);
    }
    int startIndex = index;
    int startLength = length;
    SearchMarker marker = SearchMarker.find(parent, index);
    Item n = parent.start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
    }
    // compute the first item to be deleted
    for (; n != null && index > 0; n = n.right) {
      if (n.isVisible()) {
        if (index < n.length) {
          transaction.doc.store.getItemCleanStart(transaction, new ID(n.id.client, n.id.clock + index));
        }
        index -= n.length;
      }
    }
    // delete all items until done
    while (length > 0 && n != null) {
      if (!n.isDeleted()) {
        if (length < n.length) {
          transaction.doc.store.getItemCleanStart(transaction, new ID(n.id.client, n.id.clock + length));
        }
        n.delete(transaction);
        length -= n.length;
      }
      n = n.right;
    }
    if (length > 0) {
      throw new IndexOutOfBoundsException("delete of " + startLength + " at " + startIndex + " runs past the end");
    }
    if (parent.searchMarkers != null) {
      SearchMarker.updateChanges(parent.searchMarkers, startIndex, -startLength + length);
    }
  }
}
