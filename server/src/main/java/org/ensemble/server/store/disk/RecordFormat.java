package org.ensemble.server.store.disk;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing of every record the disk stores write, in log, snapshot and metadata files alike:
 *
 * <pre>
 *   offset 0  length   4 bytes, big-endian, the payload length n (0 &le; n &le; the store's maximum)
 *   offset 4  checksum 4 bytes, big-endian, CRC32C over the 4 length bytes and then the n payload bytes
 *   offset 8  payload  n bytes
 * </pre>
 *
 * A file is a plain sequence of records, without a header. The checksum covers the length too, so a
 * damaged length is caught as surely as a damaged payload, and a zero-filled tail (what ext4 can leave
 * after a power loss) never reads as a valid empty record.
 */
final class RecordFormat {
  static final int HEADER_BYTES = 8;

  private RecordFormat() {}

  /** One buffer holding the records of {@code payloads}, ready to write. */
  static ByteBuffer encode(List<byte[]> payloads) {
    long total = 0;
    for (byte[] payload : payloads) {
      total += HEADER_BYTES + payload.length;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a batch of " + total + " bytes does not fit one buffer");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total);
    for (byte[] payload : payloads) {
      out.putInt(payload.length).putInt(checksum(payload.length, payload)).put(payload);
    }
    return out.flip();
  }

  static ByteBuffer encode(byte[] payload) {
    return encode(List.of(payload));
  }

  static int checksum(int length, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(0, length));
    crc.update(payload, 0, payload.length);
    return (int) crc.getValue();
  }
}
