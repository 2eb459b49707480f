package org.ensemble.protocol.crdt;

/** A gap in an update: clocks the update does not contain. Never part of a document. */
final class Skip extends AbstractStruct {
  Skip(ID id, int length) {
    super(id, length);
  }

  @Override
  boolean isDeleted() {
    return true;
  }

  @Override
  boolean mergeWith(AbstractStruct right) {
    if (!(right instanceof Skip)) {
      return false;
    }
    length += right.length;
    return true;
  }

  @Override
  void integrate(Transaction transaction, int offset) {
    throw new IllegalStateException("a Skip cannot be integrated");
  }

  @Override
  void write(UpdateEncoder encoder, int offset) {
    encoder.writeInfo(WireFormat.SKIP);
    // A varuint in the rest: skips can't use the predictable length column of v2.
    encoder.rest().writeVarUint(length - offset);
  }

  @Override
  long getMissing(Transaction transaction, StructStore store) {
    return NOTHING_MISSING;
  }
}
