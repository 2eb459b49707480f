package org.ensemble.protocol.sync;

import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * The y-websocket framing: each WebSocket binary message is {@code varUint type} followed by the body
 * of one sub-protocol message, and the room is not in the message but in the URL (its last path
 * segment). This is the plain framing of the stock {@code y-websocket} client (3.1.0), not
 * Hocuspocus's, which prefixes every message with the document name. Builders and the reader stand side
 * by side; both are transport-free (bytes in, bytes out).
 *
 * <p>{@link #read} consumes the whole message and is stricter than the stock client, which ignores
 * what follows a message: trailing bytes usually mean a mixed-up framing, so they raise
 * {@link DecodingException} like any other defect.
 */
public final class WebsocketMessages {
  /** Body: a sync message ({@link SyncMessages}). */
  public static final int SYNC = 0;
  /** Body: {@code varUint8Array} of an awareness update ({@link AwarenessUpdate}). */
  public static final int AWARENESS = 1;
  /** Body: an auth message ({@link AuthMessages}). */
  public static final int AUTH = 2;
  /** No body: the receiver answers with an {@link #AWARENESS} message holding every known state. */
  public static final int QUERY_AWARENESS = 3;

  private WebsocketMessages() {}

  /** The message a client sends first (and a server sends back): the sender's state vector. */
  public static byte[] syncStep1(Doc doc) {
    Lib0Encoder encoder = header(SYNC);
    SyncMessages.writeSyncStep1(encoder, doc);
    return encoder.toByteArray();
  }

  /** The answer to a step 1: what {@code doc} holds beyond {@code encodedStateVector} (everything if null). */
  public static byte[] syncStep2(Doc doc, byte[] encodedStateVector) {
    Lib0Encoder encoder = header(SYNC);
    SyncMessages.writeSyncStep2(encoder, doc, encodedStateVector);
    return encoder.toByteArray();
  }

  /** Forwards one v1 update. */
  public static byte[] update(byte[] update) {
    Lib0Encoder encoder = header(SYNC);
    SyncMessages.writeUpdate(encoder, update);
    return encoder.toByteArray();
  }

  /** Forwards an encoded awareness update (from {@link Awareness#encodeAwarenessUpdate}). */
  public static byte[] awareness(byte[] awarenessUpdate) {
    Lib0Encoder encoder = header(AWARENESS);
    encoder.writeVarUint8Array(awarenessUpdate);
    return encoder.toByteArray();
  }

  /** Tells a client why it may not access the room. */
  public static byte[] permissionDenied(String reason) {
    Lib0Encoder encoder = header(AUTH);
    AuthMessages.writePermissionDenied(encoder, reason);
    return encoder.toByteArray();
  }

  /** Asks the other side for all awareness states it knows. */
  public static byte[] queryAwareness() {
    return header(QUERY_AWARENESS).toByteArray();
  }

  /** Encodes a decoded message again; the mirror image of {@link #read}. */
  public static byte[] write(WebsocketMessage message) {
    Lib0Encoder encoder = header(message.type());
    if (message instanceof WebsocketMessage.Sync sync) {
      SyncMessages.write(encoder, sync.message());
    } else if (message instanceof WebsocketMessage.Awareness awareness) {
      encoder.writeVarUint8Array(awareness.update());
    } else if (message instanceof WebsocketMessage.PermissionDenied denied) {
      AuthMessages.writePermissionDenied(encoder, denied.reason());
    }
    return encoder.toByteArray();
  }

  /**
   * Decodes one whole y-websocket message. The sync payload and the awareness update stay encoded
   * (they are validated when applied).
   *
   * @throws DecodingException for an empty or truncated message, an unknown message, sync or auth
   *     type, or bytes after the message
   */
  public static WebsocketMessage read(byte[] message) {
    Lib0Decoder decoder = new Lib0Decoder(message);
    long type = decoder.readVarUint();
    WebsocketMessage decoded;
    if (type == SYNC) {
      decoded = new WebsocketMessage.Sync(SyncMessages.read(decoder));
    } else if (type == AWARENESS) {
      decoded = new WebsocketMessage.Awareness(decoder.readVarUint8Array());
    } else if (type == AUTH) {
      decoded = new WebsocketMessage.PermissionDenied(AuthMessages.readPermissionDenied(decoder));
    } else if (type == QUERY_AWARENESS) {
      decoded = new WebsocketMessage.QueryAwareness();
    } else {
      throw decoder.error("unknown y-websocket message type " + type);
    }
    if (decoder.hasContent()) {
      throw decoder.error(decoder.remaining() + " unexpected bytes after a y-websocket message of type " + type);
    }
    return decoded;
  }

  private static Lib0Encoder header(int type) {
    Lib0Encoder encoder = new Lib0Encoder();
    encoder.writeVarUint(type);
    return encoder;
  }
}
