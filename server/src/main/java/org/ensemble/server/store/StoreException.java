package org.ensemble.server.store;

/** A storage operation failed (I/O error, Redis unreachable, a corrupt snapshot); the reason says which. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
