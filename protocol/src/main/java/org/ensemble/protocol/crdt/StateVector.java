package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * For each client, the next clock this replica expects from it: a summary of everything a document
 * (or an update) contains. Encoded as a varuint count followed by (client, clock) pairs, highest
 * client first, exactly as Yjs writes it.
 */
public final class StateVector {
  private final LongIntMap clocks;

  public StateVector() {
    clocks = new LongIntMap();
  }

  private StateVector(LongIntMap clocks) {
    this.clocks = clocks;
  }

  /** The clients of {@code keys}, in its order, with the {@code clocks} at the same positions. */
  static StateVector sameClientsAs(LongKeys keys, int[] clocks) {
    return new StateVector(LongIntMap.sameKeysAs(keys, clocks));
  }

  /** The clock expected next from {@code client}; 0 if nothing from it is known. */
  public int get(long client) {
    return clocks.get(client, 0);
  }

  public boolean has(long client) {
    return clocks.containsKey(client);
  }

  public void set(long client, int clock) {
    clocks.put(client, clock);
  }

  public int size() {
    return clocks.size();
  }

  /** The {@code i}-th client in insertion order (for loops that should not allocate). */
  long clientAt(int i) {
    return clocks.keyAt(i);
  }

  /** The clients, highest first. */
  public long[] clients() {
    return clocks.keysDescending();
  }

  public byte[] encode() {
    Lib0Encoder encoder = new Lib0Encoder();
    write(encoder);
    return encoder.toByteArray();
  }

  void write(Lib0Encoder encoder) {
    encoder.writeVarUint(clocks.size());
    for (long client : clocks.keysDescending()) {
      encoder.writeVarUint(client);
      encoder.writeVarUint(get(client));
    }
  }

  /** Decodes an encoded state vector; bad input raises {@code DecodingException}. */
  public static StateVector decode(byte[] encoded) {
    return read(new Lib0Decoder(encoded));
  }

  static StateVector read(Lib0Decoder decoder) {
    StateVector sv = new StateVector();
    long n = decoder.readVarUint();
    if (n > decoder.remaining() / 2) {
      throw decoder.error("state vector claims " + n + " clients, only " + decoder.remaining() + " bytes left");
    }
    for (long i = 0; i < n; i++) {
      long client = decoder.readVarUint();
      int clock = decoder.readVarUintAsInt("clock");
      sv.set(client, clock);
    }
    return sv;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StateVector)) {
      return false;
    }
    StateVector other = (StateVector) o;
    if (other.size() != size()) {
      return false;
    }
    for (long client : clocks.keys()) {
      if (!other.has(client) || other.get(client) != get(client)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (long client : clocks.keys()) {
      h += Long.hashCode(client) ^ get(client);
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (long client : clients()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(client).append(": ").append(get(client));
    }
    return sb.append('}').toString();
  }
}
