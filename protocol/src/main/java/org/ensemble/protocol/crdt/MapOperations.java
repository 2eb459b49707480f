package org.ensemble.protocol.crdt;

/** Key-based edits of a type's map, shared by maps, XML attributes and text attributes. */
final class MapOperations {
  private MapOperations() {}

  static void delete(Transaction transaction, AbstractType parent, String key) {
    Item c = parent.mapGet(key);
    if (c != null) {
      c.delete(transaction);
    }
  }

  static void set(Transaction transaction, AbstractType parent, String key, Object value) {
    Item left = parent.mapGet(key);
    Doc doc = transaction.doc;
    long ownClientId = doc.clientId();
    Content content = Values.contentFor(value);
    new Item(new ID(ownClientId, doc.store.getState(ownClientId)), left, left == null ? null : left.lastId(),
        null, null, parent, null, key, content).integrate(transaction, 0);
  }
}
