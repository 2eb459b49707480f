package org.ensemble.server.http;

/** A request the API refuses, with the HTTP status and a reason the client may read. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  /**
   * A service's failure as an answer: a missing thing 404, bad input 400, a refusal 403, each with the
   * service's reason; anything else as it is (a 500).
   */
  public static Throwable fromService(Throwable e) {
    return e instanceof java.util.NoSuchElementException ? notFound(e.getMessage())
        : e instanceof IllegalArgumentException ? badRequest(e.getMessage())
        : e instanceof SecurityException ? forbidden(e.getMessage()) : e;
  }
}
