package org.ensemble.protocol.sync;

import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * The y-protocols auth sub-protocol ({@code y-protocols/auth.js}): a server tells a client why it may
 * not access a document. Its only message is {@code varUint PERMISSION_DENIED, varString reason};
 * a stock y-websocket client logs the reason.
 *
 * <p>y-protocols silently ignores auth messages of other types; here they raise
 * {@link DecodingException}, because none exists and a stray byte there means a framing error.
 */
public final class AuthMessages {
  /** The server refuses access; the message carries a human-readable reason. */
  public static final int PERMISSION_DENIED = 0;

  private AuthMessages() {}

  /** Writes a permission-denied message with {@code reason}. */
  public static void writePermissionDenied(Lib0Encoder encoder, String reason) {
    encoder.writeVarUint(PERMISSION_DENIED);
    encoder.writeVarString(reason);
  }

  /**
   * Reads an auth message and returns the reason of the permission denial it carries.
   *
   * @throws DecodingException for another message type, a truncated message or malformed UTF-8
   */
  public static String readPermissionDenied(Lib0Decoder decoder) {
    long type = decoder.readVarUint();
    if (type != PERMISSION_DENIED) {
      throw decoder.error("unknown auth message type " + type);
    }
    return decoder.readVarString();
  }
}
