package org.ensemble.server.store;

/**
 * A write refused because the writer's claim on the document is stale: another node took the room over
 * (with a newer epoch) after this one froze, lost its lease or was cut off. Nothing was written; the
 * writer must stop acting as the room's owner.
 */
public final class FencedWriteException extends StoreException {
  private static final long serialVersionUID = 1L;

  public FencedWriteException(String message) {
    super(message);
  }
}
