package org.ensemble.cowriter.generation;

/** A generation request refused, with the HTTP status to answer and a reason for the musician. */
public final class GenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public GenerationException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static GenerationException badRequest(String message) {
    return new GenerationException(400, message);
  }
}
