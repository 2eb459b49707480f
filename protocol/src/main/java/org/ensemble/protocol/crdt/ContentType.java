package org.ensemble.protocol.crdt;

import java.util.Collections;
import java.util.List;

/** A nested shared type (a map, array, text or XML node) as one element of its parent. */
final class ContentType implements Content {
  final AbstractType type;

  ContentType(AbstractType type) {
    this.type = type;
  }

  @Override
  public int length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(type);
  }

  @Override
  public boolean isCountable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentType(type.emptyCopy());
  }

  @Override
  public Content splice(int offset) {
    throw new UnsupportedOperationException("types have length 1");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {
    type.integrate(transaction.doc, item);
  }

  @Override
  public void delete(Transaction transaction) {
    for (Item item = type.start; item != null; item = item.right) {
      deleteChild(transaction, item);
    }
    type.forEachMapEntry((key, item) -> deleteChild(transaction, item));
    transaction.changed.remove(type);
  }

  private static void deleteChild(Transaction transaction, Item item) {
    if (!item.isDeleted()) {
      item.delete(transaction);
    } else if (item.id.clock < transaction.beforeState.get(item.id.client)) {
      // Deleted before this transaction, so not in its delete set; it will be collected now and
      // should be merged with its neighbours too.
      transaction.mergeStructs.add(item);
    }
  }

  @Override
  public void gc(StructStore store) {
    for (Item item = type.start; item != null; item = item.right) {
      item.gc(store, true);
    }
    type.start = null;
    type.forEachMapEntry((key, item) -> {
      for (Item i = item; i != null; i = i.left) {
        i.gc(store, true);
      }
    });
    type.clearMap();
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    type.writeTypeRef(encoder);
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_TYPE;
  }

  static ContentType read(UpdateDecoder decoder) {
    int ref = decoder.readTypeRef();
    switch (ref) {
      case WireFormat.YARRAY: return new ContentType(new YArray());
      case WireFormat.YMAP: return new ContentType(new YMap());
      case WireFormat.YTEXT: return new ContentType(new YText());
      case WireFormat.YXML_ELEMENT: return new ContentType(new YXmlElement(decoder.readKey()));
      case WireFormat.YXML_FRAGMENT: return new ContentType(new YXmlFragment());
      case WireFormat.YXML_HOOK: return new ContentType(new YXmlHook(decoder.readKey()));
      case WireFormat.YXML_TEXT: return new ContentType(new YXmlText());
      default:
        throw decoder.rest().error("unknown type ref " + ref);
    }
  }

  @Override
  public String toString() {
    return "Type(" + type.getClass().getSimpleName() + ")";
  }
}
