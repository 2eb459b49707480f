package org.ensemble.protocol.crdt;

/** Collected content: only the clock range remains, so that later updates still line up. */
final class GC extends AbstractStruct {
  GC(ID id, int length) {
    super(id, length);
  }

  @Override
  boolean isDeleted() {
    return true;
  }

  @Override
  boolean mergeWith(AbstractStruct right) {
    if (!(right instanceof GC)) {
      return false;
    }
    length += right.length;
    return true;
  }

  @Override
  void integrate(Transaction transaction, int offset) {
    if (offset > 0) {
      id = new ID(id.client, id.clock + offset);
      length -= offset;
    }
    transaction.doc.store.addStruct(this);
  }

  @Override
  void write(UpdateEncoder encoder, int offset) {
    encoder.writeInfo(WireFormat.GC);
    encoder.writeLen(length - offset);
  }

  @Override
  long getMissing(Transaction transaction, StructStore store) {
    return NOTHING_MISSING;
  }
}
