package org.ensemble.protocol.support;

import org.ensemble.protocol.crdt.Doc;

/** Java replicas for tests: a document with a chosen client id, and a full exchange between two. */
public final class Replicas {
  private Replicas() {}

  /** A document whose edits carry {@code client}, so that conflicts resolve the same way every run. */
  public static Doc doc(long client) {
    Doc d = new Doc();
    d.setClientId(client);
    return d;
  }

  /** Sends each document what the other lacks, both ways: afterwards they hold the same state. */
  public static void sync(Doc a, Doc b) {
    b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
    a.applyUpdate(b.encodeStateAsUpdate(a.encodeStateVector()));
  }
}
