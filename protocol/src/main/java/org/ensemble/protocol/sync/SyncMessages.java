package org.ensemble.protocol.sync;

import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * The y-protocols sync sub-protocol ({@code y-protocols/sync.js}), writers and readers side by side.
 * Two replicas exchange their state vectors (step 1), answer each other with what the other is missing
 * (step 2), and from then on forward every local update (update). Each message is
 * {@code varUint type, varUint8Array payload}; the payload is a state vector for step 1 and a v1 update
 * for step 2 and update.
 *
 * <p>Two ways to read: {@link #readSyncMessage} acts like y-protocols' function of the same name (it
 * applies updates and answers a step 1), while {@link #read} only decodes, so that a server can inspect
 * or authorize an update before {@link #apply applying} it. Unlike y-protocols, which logs and swallows
 * a failing update, a malformed payload raises {@link DecodingException} here and changes nothing.
 */
public final class SyncMessages {
  /** Carries the sender's state vector; the receiver answers with {@link #STEP2}. */
  public static final int STEP1 = 0;
  /** Carries everything the receiver was missing, as one v1 update, in answer to {@link #STEP1}. */
  public static final int STEP2 = 1;
  /** Carries one v1 update that the sender produced or received after the initial exchange. */
  public static final int UPDATE = 2;

  private SyncMessages() {}

  /** Writes a step 1 with the state vector of {@code doc}. */
  public static void writeSyncStep1(Lib0Encoder encoder, Doc doc) {
    write(encoder, SyncMessage.step1(doc.encodeStateVector()));
  }

  /**
   * Writes a step 2: what {@code doc} holds beyond {@code encodedStateVector}, or everything when it
   * is {@code null}. A malformed state vector raises {@link DecodingException} before anything is
   * written, so the encoder never holds half a message.
   */
  public static void writeSyncStep2(Lib0Encoder encoder, Doc doc, byte[] encodedStateVector) {
    byte[] update = encodedStateVector == null
        ? doc.encodeStateAsUpdate()
        : doc.encodeStateAsUpdate(encodedStateVector);
    write(encoder, SyncMessage.step2(update));
  }

  /** Writes an update message that carries {@code update} (v1) unchanged. */
  public static void writeUpdate(Lib0Encoder encoder, byte[] update) {
    write(encoder, SyncMessage.update(update));
  }

  /** Writes a decoded message back; the mirror image of {@link #read}. */
  public static void write(Lib0Encoder encoder, SyncMessage message) {
    encoder.writeVarUint(message.type());
    encoder.writeVarUint8Array(message.payload());
  }

  /**
   * Decodes one sync message without touching any document. An unknown type or a truncated payload
   * raises {@link DecodingException}; the payload itself (state vector or update) is not validated.
   */
  public static SyncMessage read(Lib0Decoder decoder) {
    long type = decoder.readVarUint();
    if (type != STEP1 && type != STEP2 && type != UPDATE) {
      throw decoder.error("unknown sync message type " + type);
    }
    byte[] payload = decoder.readVarUint8Array();
    return new SyncMessage((int) type, payload);
  }

  /**
   * Reads one sync message and acts on it as y-protocols' {@code readSyncMessage} does: a step 1 is
   * answered by writing a step 2 into {@code reply} (which the caller sends if it is not empty), a
   * step 2 or an update is applied to {@code doc} with {@code origin}. Returns the message type.
   *
   * @throws DecodingException for an unknown type, a truncated message, or a malformed state vector or
   *     update; {@code doc} and {@code reply} are then unchanged
   */
  public static int readSyncMessage(Lib0Decoder decoder, Lib0Encoder reply, Doc doc, Object origin) {
    SyncMessage message = read(decoder);
    apply(message, reply, doc, origin);
    return message.type();
  }

  /** The acting half of {@link #readSyncMessage}, for a message that was {@link #read} and inspected. */
  public static void apply(SyncMessage message, Lib0Encoder reply, Doc doc, Object origin) {
    switch (message.type()) {
      case STEP1:
        writeSyncStep2(reply, doc, message.payload());
        break;
      case STEP2:
      case UPDATE:
        doc.applyUpdate(message.payload(), origin);
        break;
      default:
        throw new DecodingException("unknown sync message type " + message.type());
    }
  }
}
