package org.ensemble.protocol.crdt;

import java.util.List;

/**
 * Deleted content whose value was dropped; only its length remains.
 *
 * <p>Immutable, and shared for short lengths: a document that is edited for long holds one deleted
 * item per overwritten map value, most of length 1, and one instance each cost 16 bytes. So an item
 * never cuts or grows this content in place; {@link Item} replaces it ({@link Item#spliceContent},
 * {@link Item#mergeWith}).
 */
final class ContentDeleted implements Content {
  private static final ContentDeleted[] SHARED = new ContentDeleted[64];

  static {
    for (int i = 0; i < SHARED.length; i++) {
      SHARED[i] = new ContentDeleted(i);
    }
  }

  private final int len;

  private ContentDeleted(int len) {
    this.len = len;
  }

  static ContentDeleted of(int len) {
    return len >= 0 && len < SHARED.length ? SHARED[len] : new ContentDeleted(len);
  }

  @Override
  public int length() {
    return len;
  }

  @Override
  public List<Object> getContent() {
    return List.of();
  }

  @Override
  public boolean isCountable() {
    return false;
  }

  @Override
  public Content copy() {
    return this;
  }

  /** Not in place: this content may be shared; {@link Item#spliceContent} cuts an item's. */
  @Override
  public Content splice(int offset) {
    throw new UnsupportedOperationException("deleted content is immutable");
  }

  /** Not in place: this content may be shared; {@link Item#mergeWith} joins two items' lengths. */
  @Override
  public boolean mergeWith(Content right) {
    throw new UnsupportedOperationException("deleted content is immutable");
  }

  @Override
  public void integrate(Transaction transaction, Item item) {
    transaction.deleteSet.add(item.id.client, item.id.clock, len);
    item.markDeleted();
  }

  @Override
  public void delete(Transaction transaction) {}

  @Override
  public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeLen(len - offset);
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_DELETED;
  }

  static ContentDeleted read(UpdateDecoder decoder) {
    return of(decoder.readLen());
  }

  @Override
  public String toString() {
    return "Deleted(" + len + ")";
  }
}
