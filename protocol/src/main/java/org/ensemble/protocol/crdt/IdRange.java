package org.ensemble.protocol.crdt;

/** A run of {@code length} consecutive clocks of one client, starting at {@code clock}. */
public record IdRange(int clock, int length) {
  public int end() {
    return clock + length;
  }
}
