package org.ensemble.server.sync;

/**
 * A server edit made on a copy of a room's document that the room has moved past: a client id it
 * writes under wrote meanwhile, so its clocks would collide. The editor makes the edit again on a
 * fresh copy.
 */
public final class StaleEditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StaleEditException(String message) {
    super(message);
  }
}
