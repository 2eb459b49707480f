package org.ensemble.protocol.crdt;

import java.util.List;

/** Deleted content whose value was dropped; only its length remains. */
final class ContentDeleted implements Content {
  private int len;

  ContentDeleted(int len) {
    this.len = len;
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
    return new ContentDeleted(len);
  }

  @Override
  public Content splice(int offset) {
    ContentDeleted right = new ContentDeleted(len - offset);
    len = offset;
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    len += ((ContentDeleted) right).len;
    return true;
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
    return new ContentDeleted(decoder.readLen());
  }

  @Override
  public String toString() {
    return "Deleted(" + len + ")";
  }
}
