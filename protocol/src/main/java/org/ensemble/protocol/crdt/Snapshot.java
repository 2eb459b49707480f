package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.DecodingException;

/**
 * A document's state at one moment as Yjs's {@code Y.snapshot} records it: what it had inserted (a
 * state vector) and what of that was deleted (a delete set). It holds no content: read against a
 * document that keeps deleted content (garbage collection off, or a log of updates), it says which
 * items were visible then. Encoded as Yjs's {@code encodeSnapshot} (v1): the delete set, then the
 * state vector.
 */
public final class Snapshot {
  private final DeleteSet deleteSet;
  private final StateVector stateVector;

  public Snapshot(DeleteSet deleteSet, StateVector stateVector) {
    this.deleteSet = deleteSet;
    this.stateVector = stateVector;
  }

  /** The document's snapshot now ({@code Y.snapshot(doc)}). */
  public static Snapshot of(Doc doc) {
    return new Snapshot(doc.deleteSet(), doc.stateVector());
  }

  public DeleteSet deleteSet() {
    return deleteSet;
  }

  public StateVector stateVector() {
    return stateVector;
  }

  /** Whether the item {@code id} had been inserted by then (whatever happened to it later). */
  public boolean inserted(ID id) {
    return id.clock < stateVector.get(id.client);
  }

  /** Whether the item {@code id} was present then: inserted and not yet deleted (Yjs's {@code isVisible}). */
  public boolean visible(ID id) {
    return inserted(id) && !deleteSet.isDeleted(id);
  }

  /** Whether this snapshot holds everything {@code other} does (the same state or a later one). */
  public boolean covers(Snapshot other) {
    for (long client : other.stateVector.clients()) {
      if (stateVector.get(client) < other.stateVector.get(client)) {
        return false;
      }
    }
    return true;
  }

  /** Yjs's {@code encodeSnapshot}: the delete set (v1), then the state vector. */
  public byte[] encode() {
    UpdateEncoderV1 encoder = new UpdateEncoderV1();
    DeleteSet copy = DeleteSet.merge(java.util.List.of(deleteSet));
    copy.write(encoder);
    stateVector.write(encoder.rest());
    return encoder.toByteArray();
  }

  /** Yjs's {@code decodeSnapshot}; bad input raises {@link DecodingException}. */
  public static Snapshot decode(byte[] encoded) {
    Lib0Decoder in = new Lib0Decoder(encoded);
    DeleteSet ds = DeleteSet.read(new UpdateDecoderV1(in));
    ds.sortAndMerge();
    StateVector sv = StateVector.read(in);
    if (in.hasContent()) {
      throw in.error("snapshot has " + in.remaining() + " bytes after its state vector");
    }
    return new Snapshot(ds, sv);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot s && s.stateVector.equals(stateVector) && s.deleteSet.equals(deleteSet);
  }

  @Override
  public int hashCode() {
    return stateVector.hashCode() * 31 + deleteSet.hashCode();
  }
}
