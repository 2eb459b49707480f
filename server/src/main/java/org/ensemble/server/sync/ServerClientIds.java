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

  /** The first of the client ids under which the AI co-writer writes its suggestions (issue 5). */
  public static final long AI_FIRST = FIRST_RESERVED + 1024;
  /** How many AI client ids there are: one per concurrent AI edit, so two never share a clock. */
  public static final int AI_COUNT = 256;

  public static boolean isAi(long clientId) {
    return clientId >= AI_FIRST && clientId < AI_FIRST + AI_COUNT;
  }

  public static boolean isReserved(long clientId) {
    return clientId >= FIRST_RESERVED;
  }
}
