package org.ensemble.server.store.disk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One entry of the {@link Journal}, the payload of a {@link RecordFormat} record:
 *
 * <pre>
 *   kind      1 byte: 1 = append, 2 = reset
 *   id length 2 bytes, big-endian; then the document id in UTF-8
 *   append only: offset 8 bytes, big-endian (where the record starts in the document's log),
 *                then the update's bytes (the rest of the payload)
 * </pre>
 *
 * A reset says that everything journaled earlier for the document is durable in its own files (it was
 * compacted) or gone for good (it was deleted): replay skips what came before it.
 */
record JournalEntry(byte kind, String docId, long logOffset, byte[] update) {
  static final byte APPEND = 1;
  static final byte RESET = 2;

  static JournalEntry append(String docId, long logOffset, byte[] update) {
    return new JournalEntry(APPEND, docId, logOffset, update);
  }

  static JournalEntry reset(String docId) {
    return new JournalEntry(RESET, docId, 0, new byte[0]);
  }

  byte[] encode() {
    byte[] id = docId.getBytes(StandardCharsets.UTF_8);
    int size = 1 + 2 + id.length + (kind == APPEND ? Long.BYTES + update.length : 0);
    ByteBuffer out = ByteBuffer.allocate(size).put(kind).putShort((short) id.length).put(id);
    if (kind == APPEND) {
      out.putLong(logOffset).put(update);
    }
    return out.array();
  }

  /** Decodes a payload whose checksum held; a malformed one is a bug or foreign file, so it throws. */
  static JournalEntry decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    byte kind = in.get();
    byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(id);
    String docId = new String(id, StandardCharsets.UTF_8);
    if (kind == RESET) {
      return reset(docId);
    }
    if (kind != APPEND) {
      throw new IllegalArgumentException("unknown journal entry kind " + kind);
    }
    long offset = in.getLong();
    byte[] update = new byte[in.remaining()];
    in.get(update);
    return append(docId, offset, update);
  }

  /** The bytes this append's record takes in the document's log. */
  long logRecordBytes() {
    return RecordFormat.HEADER_BYTES + update.length;
  }
}
