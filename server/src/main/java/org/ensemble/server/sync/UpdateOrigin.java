package org.ensemble.server.sync;

/**
 * Who made a change to a room's document: the origin of its transaction, handed back with every
 * update and awareness change the document reports. A connection is its own origin (its updates are
 * not echoed back to it); what the room loads from the store has {@link #STORE}.
 */
public interface UpdateOrigin {

  /** The stored document, applied when the room loads: sent to nobody. */
  UpdateOrigin STORE = new UpdateOrigin() {
    @Override
    public String toString() {
      return "store";
    }
  };

  /** The origin the document reported, typed: a transaction the room did not start has none (null). */
  static UpdateOrigin of(Object origin) {
    return origin instanceof UpdateOrigin o ? o : null;
  }
}
