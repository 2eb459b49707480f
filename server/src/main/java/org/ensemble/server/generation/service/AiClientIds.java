package org.ensemble.server.generation.service;

import java.util.BitSet;
import org.ensemble.server.sync.ServerClientIds;

/**
 * Lends the AI's reserved client ids ({@link ServerClientIds#AI_FIRST} on). A server-side edit is
 * made on a copy of the document under one client id; two edits in flight with the same id would
 * give two different changes the same Yjs id. So each edit borrows an id no other edit holds, and
 * returns it once its change is applied. The lowest free id is lent first, which keeps the number
 * of AI ids in a document (and its state vector) small.
 */
final class AiClientIds {
  private final BitSet lent = new BitSet(ServerClientIds.AI_COUNT);

  synchronized long borrow() {
    int i = lent.nextClearBit(0);
    if (i >= ServerClientIds.AI_COUNT) {
      throw new GenerationException(503, "too many AI edits at once; try again shortly");
    }
    lent.set(i);
    return ServerClientIds.AI_FIRST + i;
  }

  synchronized void giveBack(long id) {
    lent.clear((int) (id - ServerClientIds.AI_FIRST));
  }
}
