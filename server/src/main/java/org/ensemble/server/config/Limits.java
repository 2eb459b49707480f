package org.ensemble.server.config;

/**
 * What one client may do: refusing more than this protects the room, the other users and the stored
 * document. Every value has a named default; all can be set in the configuration.
 */
public record Limits(
    int maxMessageBytes,
    long maxDocumentBytes,
    int maxMessagesPerSecond,
    int messageBurst,
    int maxConnectionsPerUser,
    int maxQueuedBytesPerConnection) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 200;
  public static final int DEFAULT_MESSAGE_BURST = 400;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_USER = 20;
  /** A client that lets this much pile up unsent is too slow to follow the room and is disconnected. */
  public static final int DEFAULT_MAX_QUEUED_BYTES_PER_CONNECTION = 4 * 1024 * 1024;

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_MESSAGES_PER_SECOND,
        DEFAULT_MESSAGE_BURST, DEFAULT_MAX_CONNECTIONS_PER_USER, DEFAULT_MAX_QUEUED_BYTES_PER_CONNECTION);
  }
}
