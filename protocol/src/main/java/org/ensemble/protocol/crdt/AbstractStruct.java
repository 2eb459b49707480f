package org.ensemble.protocol.crdt;

/**
 * A run of consecutive clocks of one client in the struct store: an {@link Item} (content), a
 * {@link GC} (content that was deleted and collected) or a {@link Skip} (a gap, only in updates).
 */
abstract sealed class AbstractStruct permits Item, GC, Skip {
  ID id;
  int length;

  AbstractStruct(ID id, int length) {
    this.id = id;
    this.length = length;
  }

  abstract boolean isDeleted();

  /** Appends {@code right} to this struct if both can be represented as one; returns whether it did. */
  abstract boolean mergeWith(AbstractStruct right);

  /** Writes this struct without its first {@code offset} clocks. */
  abstract void write(UpdateEncoder encoder, int offset);

  abstract void integrate(Transaction transaction, int offset);

  /** The client whose missing structs block integration, or {@link #NOTHING_MISSING}. */
  abstract long getMissing(Transaction transaction, StructStore store);

  static final long NOTHING_MISSING = -1;

  int endClock() {
    return id.clock + length;
  }
}
