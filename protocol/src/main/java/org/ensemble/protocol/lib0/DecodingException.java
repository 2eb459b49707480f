package org.ensemble.protocol.lib0;

/**
 * The one exception that every decoder in {@code protocol/} throws for bad input: a truncated or
 * mutated buffer, a varint that does not fit, a length prefix that claims more bytes than exist, an
 * unknown content or message type, malformed UTF-8 or JSON.
 *
 * <p>The message names the reason and, where known, the byte offset at which decoding failed.
 * Decoding never allocates more than the input could hold, so a forged length prefix ends here rather
 * than in an {@link OutOfMemoryError}. Code that applies decoded data to a document decodes everything
 * first, so a {@code DecodingException} leaves the document unchanged.
 */
public final class DecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecodingException(String reason) {
    super(reason);
  }

  public DecodingException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** A reason that carries the position in the buffer where decoding stopped. */
  static DecodingException at(int position, String reason) {
    return new DecodingException(reason + " (at byte " + position + ")");
  }
}
