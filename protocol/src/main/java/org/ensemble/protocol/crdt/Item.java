package org.ensemble.protocol.crdt;

import java.util.HashSet;
import java.util.Set;

/**
 * A run of content inserted by one client in one go, linked into its parent's list between
 * {@link #left} and {@link #right}. {@link #origin} and {@link #rightOrigin} remember the neighbours
 * at insertion time; they never change and are what the YATA rules in {@link #integrate} use to put
 * concurrent inserts in the same order on every replica.
 */
final class Item extends AbstractStruct {
  private static final int KEEP = 1;
  private static final int COUNTABLE = 2;
  private static final int DELETED = 4;
  private static final int MARKER = 8;

  /** The item that was to the left at insertion time (its last clock), or null. */
  ID origin;
  /** The item currently to the left. */
  Item left;
  /** The item currently to the right. */
  Item right;
  /** The item that was to the right at insertion time, or null. */
  ID rightOrigin;
  /** The type this item belongs to; null until integrated (or for an item that becomes a GC). */
  AbstractType parent;
  /** Before integration: the parent as decoded, an {@link ID} of a type's item or a root name. */
  Object parentRef;
  /** The key when the parent holds this item as a map entry; null for list items. */
  String parentSub;
  Content content;
  private byte info;

  Item(ID id, Item left, ID origin, Item right, ID rightOrigin, AbstractType parent, Object parentRef,
       String parentSub, Content content) {
    super(id, content.length());
    this.origin = origin;
    this.left = left;
    this.right = right;
    this.rightOrigin = rightOrigin;
    this.parent = parent;
    this.parentRef = parentRef;
    this.parentSub = parentSub;
    this.content = content;
    this.info = (byte) (content.isCountable() ? COUNTABLE : 0);
  }

  boolean isMarker() {
    return (info & MARKER) != 0;
  }

  void setMarker(boolean marked) {
    info = (byte) (marked ? info | MARKER : info & ~MARKER);
  }

  boolean keep() {
    return (info & KEEP) != 0;
  }

  void setKeep(boolean keep) {
    info = (byte) (keep ? info | KEEP : info & ~KEEP);
  }

  boolean isCountable() {
    return (info & COUNTABLE) != 0;
  }

  @Override
  boolean isDeleted() {
    return (info & DELETED) != 0;
  }

  void markDeleted() {
    info |= DELETED;
  }

  /** Countable and not deleted: it occupies positions in its parent's list. */
  boolean isVisible() {
    return (info & (COUNTABLE | DELETED)) == COUNTABLE;
  }

  /** The id of the last clock this item covers. */
  ID lastId() {
    return length == 1 ? id : new ID(id.client, id.clock + length - 1);
  }

  /** The next item to the right that is not deleted. */
  Item next() {
    Item n = right;
    while (n != null && n.isDeleted()) {
      n = n.right;
    }
    return n;
  }

  /** The next item to the left that is not deleted. */
  Item prev() {
    Item n = left;
    while (n != null && n.isDeleted()) {
      n = n.left;
    }
    return n;
  }

  /** Splits this item after {@code diff} clocks; returns the right part, linked in after this one. */
  Item split(Transaction transaction, int diff) {
    long client = id.client;
    int clock = id.clock;
    Item rightItem = new Item(new ID(client, clock + diff), this, new ID(client, clock + diff - 1), right,
        rightOrigin, parent, null, parentSub, spliceContent(diff));
    if (isDeleted()) {
      rightItem.markDeleted();
    }
    if (keep()) {
      rightItem.setKeep(true);
    }
    // update left (do not set leftItem.rightOrigin as it will lead to problems when syncing)
    right = rightItem;
    if (rightItem.right != null) {
      rightItem.right.left = rightItem;
    }
    // right is more specific
    transaction.mergeStructs.add(rightItem);
    if (rightItem.parentSub != null && rightItem.right == null) {
      parent.mapSet(rightItem.parentSub, rightItem);
    }
    length = diff;
    return rightItem;
  }

  @Override
  long getMissing(Transaction transaction, StructStore store) {
    if (origin != null && origin.client != id.client && origin.clock >= store.getState(origin.client)) {
      return origin.client;
    }
    if (rightOrigin != null && rightOrigin.client != id.client && rightOrigin.clock >= store.getState(rightOrigin.client)) {
      return rightOrigin.client;
    }
    if (parentRef instanceof ID) {
      ID p = (ID) parentRef;
      if (p.client != id.client && p.clock >= store.getState(p.client)) {
        return p.client;
      }
    }
    // Every dependency is there: find the neighbours and the parent.
    boolean besideCollected = false;
    if (origin != null) {
      AbstractStruct l = store.getItemCleanEnd(transaction, origin);
      if (l instanceof Item) {
        left = (Item) l;
        origin = left.lastId();
      } else {
        besideCollected = true;
      }
    }
    if (rightOrigin != null) {
      AbstractStruct r = store.getItemCleanStart(transaction, rightOrigin);
      if (r instanceof Item) {
        right = (Item) r;
        rightOrigin = right.id;
      } else {
        besideCollected = true;
      }
    }
    if (besideCollected) {
      // A neighbour was collected, so the parent was deleted: this item is collected too.
      parent = null;
      parentRef = null;
    } else if (parentRef == null && parent == null) {
      if (left != null) {
        parent = left.parent;
        parentSub = left.parentSub;
      } else if (right != null) {
        parent = right.parent;
        parentSub = right.parentSub;
      }
    } else if (parentRef instanceof ID) {
      AbstractStruct parentItem = store.find((ID) parentRef);
      parent = parentItem instanceof Item && ((Item) parentItem).content instanceof ContentType
          ? ((ContentType) ((Item) parentItem).content).type
          : null;
      parentRef = null;
    } else if (parentRef instanceof String) {
      parent = transaction.doc.getOrCreateRoot((String) parentRef);
      parentRef = null;
    }
    return NOTHING_MISSING;
  }

  @Override
  void integrate(Transaction transaction, int offset) {
    StructStore store = transaction.doc.store;
    if (offset > 0) {
      id = new ID(id.client, id.clock + offset);
      AbstractStruct l = store.getItemCleanEnd(transaction, new ID(id.client, id.clock - 1));
      content = spliceContent(offset);
      length -= offset;
      if (l instanceof Item) {
        left = (Item) l;
        origin = left.lastId();
      } else {
        // The part already present was collected with its parent.
        parent = null;
      }
    }
    if (parent == null) {
      // The parent is gone: keep the clocks as a GC.
      new GC(id, length).integrate(transaction, 0);
      return;
    }
    if ((left == null && (right == null || right.left != null)) || (left != null && left.right != right)) {
      resolveConflicts(transaction);
    }
    if (parentSub != null) {
      parentSub = left != null && parentSub.equals(left.parentSub) ? left.parentSub
          : transaction.doc.keyNames.canonical(parentSub);
    }
    // reconnect left/right and update the parent's map or start
    if (left != null) {
      right = left.right;
      left.right = this;
    } else {
      Item r;
      if (parentSub != null) {
        r = parent.mapGet(parentSub);
        while (r != null && r.left != null) {
          r = r.left;
        }
      } else {
        r = parent.start;
        parent.start = this;
      }
      right = r;
    }
    if (right != null) {
      right.left = this;
    } else if (parentSub != null) {
      // the current value of the parent's key
      parent.mapSet(parentSub, this);
      if (left != null) {
        // the value this one replaces
        left.delete(transaction);
      }
    }
    if (parentSub == null && isVisible()) {
      parent.length += length;
    }
    store.addStruct(this);
    content.integrate(transaction, this);
    transaction.addChangedType(parent, parentSub);
    if ((parent.item != null && parent.item.isDeleted()) || (parentSub != null && right != null)) {
      // delete if the parent is deleted or if this is not the current value of the key
      delete(transaction);
    }
  }

  /**
   * YATA: walks the items between {@code left} and {@code right} that were inserted concurrently and
   * decides which of them go before this one. Ties between items with the same origins are broken
   * by client id, so every replica picks the same order.
   */
  private void resolveConflicts(Transaction transaction) {
    Item l = left;
    Item o;
    if (l != null) {
      o = l.right;
    } else if (parentSub != null) {
      o = parent.mapGet(parentSub);
      while (o != null && o.left != null) {
        o = o.left;
      }
    } else {
      o = parent.start;
    }
    // Let c be in conflictingItems and b in itemsBeforeOrigin:
    // ***{origin}bbbb{this}{c,b}{c,b}{o}***
    // conflictingItems is a subset of itemsBeforeOrigin.
    Set<Item> conflictingItems = new HashSet<>();
    Set<Item> itemsBeforeOrigin = new HashSet<>();
    StructStore store = transaction.doc.store;
    while (o != null && o != right) {
      itemsBeforeOrigin.add(o);
      conflictingItems.add(o);
      if (ID.same(origin, o.origin)) {
        // case 1: same origin
        if (o.id.client < id.client) {
          l = o;
          conflictingItems.clear();
        } else if (ID.same(rightOrigin, o.rightOrigin)) {
          // same integration points: the id decides, and this one goes first
          break;
        }
        // else o might be integrated before an item that this conflicts with; later iterations tell
      } else if (o.origin != null && itemsBeforeOrigin.contains(store.find(o.origin))) {
        // case 2: o's origin lies among the items passed
        if (!conflictingItems.contains(store.find(o.origin))) {
          l = o;
          conflictingItems.clear();
        }
      } else {
        break;
      }
      o = o.right;
    }
    left = l;
  }

  @Override
  boolean mergeWith(AbstractStruct r) {
    if (!(r instanceof Item)) {
      return false;
    }
    Item rightItem = (Item) r;
    if (ID.same(rightItem.origin, lastId())
        && right == rightItem
        && ID.same(rightOrigin, rightItem.rightOrigin)
        && id.client == rightItem.id.client
        && id.clock + length == rightItem.id.clock
        && isDeleted() == rightItem.isDeleted()
        && content.getClass() == rightItem.content.getClass()
        && mergeContent(rightItem)) {
      if (parent != null) {
        parent.onItemMerged(this, rightItem);
      }
      if (rightItem.keep()) {
        setKeep(true);
      }
      right = rightItem.right;
      if (right != null) {
        right.left = this;
      }
      length += rightItem.length;
      return true;
    }
    return false;
  }

  /**
   * Cuts this item's content after {@code offset} clocks: keeps the first part, returns the rest.
   * Deleted content is shared and immutable, so it is replaced rather than cut.
   */
  Content spliceContent(int offset) {
    if (content instanceof ContentDeleted) {
      content = ContentDeleted.of(offset);
      return ContentDeleted.of(length - offset);
    }
    return content.splice(offset);
  }

  private boolean mergeContent(Item rightItem) {
    if (content instanceof ContentDeleted) {
      content = ContentDeleted.of(length + rightItem.length);
      return true;
    }
    return content.mergeWith(rightItem.content);
  }

  /** Marks this item deleted and records that in the transaction. */
  void delete(Transaction transaction) {
    if (!isDeleted()) {
      if (isCountable() && parentSub == null) {
        parent.length -= length;
      }
      markDeleted();
      transaction.deleteSet.add(id.client, id.clock, length);
      transaction.addChangedType(parent, parentSub);
      content.delete(transaction);
    }
  }

  /** Drops the content of a deleted item; replaces the item by a GC when its parent was collected too. */
  void gc(StructStore store, boolean parentCollected) {
    if (!isDeleted()) {
      throw new IllegalStateException("only deleted items can be collected");
    }
    content.gc(store);
    if (parentCollected) {
      store.replaceStruct(this, new GC(id, length));
    } else {
      content = ContentDeleted.of(length);
    }
  }

  @Override
  void write(UpdateEncoder encoder, int offset) {
    ID o = offset > 0 ? new ID(id.client, id.clock + offset - 1) : origin;
    int info = (content.ref() & WireFormat.CONTENT_REF_MASK)
        | (o == null ? 0 : WireFormat.HAS_ORIGIN)
        | (rightOrigin == null ? 0 : WireFormat.HAS_RIGHT_ORIGIN)
        | (parentSub == null ? 0 : WireFormat.HAS_PARENT_SUB);
    encoder.writeInfo(info);
    if (o != null) {
      encoder.writeLeftId(o);
    }
    if (rightOrigin != null) {
      encoder.writeRightId(rightOrigin);
    }
    if (o == null && rightOrigin == null) {
      if (parent != null) {
        Item parentItem = parent.item;
        if (parentItem == null) {
          // a root type: write its name
          encoder.writeParentInfo(true);
          encoder.writeString(parent.rootName());
        } else {
          encoder.writeParentInfo(false);
          encoder.writeLeftId(parentItem.id);
        }
      } else if (parentRef instanceof String) {
        encoder.writeParentInfo(true);
        encoder.writeString((String) parentRef);
      } else if (parentRef instanceof ID) {
        encoder.writeParentInfo(false);
        encoder.writeLeftId((ID) parentRef);
      } else {
        throw new IllegalStateException("an item without origins must know its parent");
      }
      if (parentSub != null) {
        encoder.writeString(parentSub);
      }
    }
    content.write(encoder, offset);
  }

  @Override
  public String toString() {
    return "Item(" + id + ", len " + length + (isDeleted() ? ", deleted" : "") + ", " + content + ")";
  }
}
