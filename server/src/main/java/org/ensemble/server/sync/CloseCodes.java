package org.ensemble.server.sync;

/**
 * The WebSocket close codes the sync endpoint uses, each with the reason it stands for. The reason
 * text sent along says what exactly happened. Codes 4000–4999 are free for applications.
 */
public final class CloseCodes {
  private CloseCodes() {}

  /** The server shuts down; reconnect later. */
  public static final short GOING_AWAY = 1001;
  /**
   * The room moved to another node of the cluster (its owner left, stepped down or drained); the
   * client reconnects at once and resyncs with the new owner.
   */
  public static final short ROOM_MOVED = 1012;
  /** The server failed to store an update; the client reconnects and resyncs. */
  public static final short SERVER_ERROR = 1011;
  /** A message could not be decoded (or is of an unknown type). */
  public static final short MALFORMED_MESSAGE = 4400;
  /** No token, or a forged, malformed or expired one. */
  public static final short UNAUTHORIZED = 4401;
  /**
   * The user is not a member of the project, or the origin is not allowed, or an update was written
   * under a client id bound to another user or reserved for the server and its AI.
   */
  public static final short FORBIDDEN = 4403;
  /** No such project. */
  public static final short NOT_FOUND = 4404;
  /** The client did not read what the server sent, and its queue passed the limit. */
  public static final short SLOW_CONSUMER = 4408;
  /** A message larger than the configured maximum. */
  public static final short MESSAGE_TOO_LARGE = 4413;
  /** Too many messages per second, or too many connections for one user. */
  public static final short RATE_LIMITED = 4429;

  /** WebSocket close reasons are limited to 123 bytes of UTF-8. */
  public static String reason(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length <= 123) {
      return text;
    }
    String cut = text;
    while (cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 120) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }
}
