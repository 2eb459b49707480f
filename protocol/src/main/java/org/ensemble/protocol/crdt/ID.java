package org.ensemble.protocol.crdt;

/**
 * The identity of one unit of content: the client (a replica, usually a random uint32) that created
 * it and that client's logical clock at the time. Every character, array element or map value has
 * one; an {@link Item} of length n covers the clocks {@code clock .. clock + n - 1}.
 */
public final class ID {
  public final long client;
  public final int clock;

  public ID(long client, int clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Null-safe equality (Yjs's {@code compareIDs}). */
  static boolean same(ID a, ID b) {
    return a == b || (a != null && b != null && a.client == b.client && a.clock == b.clock);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ID && ((ID) o).client == client && ((ID) o).clock == clock;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(client) * 31 + clock;
  }

  @Override
  public String toString() {
    return client + ":" + clock;
  }
}
