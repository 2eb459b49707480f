package org.ensemble.server.sync;

/**
 * Client ids under which the server itself writes. Browsers pick random uint32 ids, so the server's
 * ids lie above 2^32, where no stock client ever writes; issue 4's binding of client ids to users
 * refuses client updates that use them.
 */
public final class ServerClientIds {
  private ServerClientIds() {}

  /** The first id no stock Yjs client uses. */
  public static final long FIRST_RESERVED = 1L << 32;
  /** Edits the server makes on a user's behalf through the REST API (renames, templates). */
  public static final long API_EDITS = FIRST_RESERVED + 1;

  /** The ledger of who wrote what (issue 4) is itself a Yjs document, written under this id only. */
  public static final long LEDGER = FIRST_RESERVED + 2;
  /**
   * The AI's identities: the ids from here up to {@link #AI_LAST} are the AI's alone (the generator
   * writes its suggestions with {@link #AI}); no client and no other part of the server writes them.
   */
  public static final long AI_FIRST = FIRST_RESERVED + (1L << 16);
  public static final long AI_LAST = AI_FIRST + 0xFFFF;
  /** The client id of the AI's suggestions and of the notes accepted from them. */
  public static final long AI = AI_FIRST;

  /**
   * Edits the server makes through the REST API when the room's owner took it under a cluster epoch:
   * one id per epoch, from here up to {@link #API_LAST}, as for the AI.
   */
  public static final long API_FIRST = FIRST_RESERVED + (1L << 17);
  public static final long API_LAST = API_FIRST + 0xFFFF;

  /**
   * The id the owner of a room writes {@code clientId}'s edits under (cluster mode, issue 14): the AI's
   * and the API's ids are one per lease epoch, so that two nodes that each believed they owned the
   * room never write the same id with the same clocks. Epoch 0 (one node) keeps the fixed ids; every
   * other id is kept as it is.
   */
  public static long forOwner(long epoch, long clientId) {
    if (epoch == 0) {
      return clientId;
    }
    long slot = epoch & 0xFFFF;
    if (clientId == AI) {
      return AI_FIRST + slot;
    }
    if (clientId == API_EDITS) {
      return API_FIRST + slot;
    }
    return clientId;
  }

  public static boolean isAi(long clientId) {
    return clientId >= AI_FIRST && clientId <= AI_LAST;
  }

  public static boolean isReserved(long clientId) {
    return clientId >= FIRST_RESERVED;
  }
}
