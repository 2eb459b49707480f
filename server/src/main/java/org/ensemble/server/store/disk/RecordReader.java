package org.ensemble.server.store.disk;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * Reads the records of a file (see {@link RecordFormat}) from its start up to a limit and stops at the
 * first one that is short, too long or fails its checksum. What it reports, {@link Scan}, is the offset
 * where the valid records end and, if it stopped early, why: the caller decides whether that is a torn
 * tail to cut (recovery) or damage to report (a snapshot, a metadata record).
 */
final class RecordReader {
  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private RecordReader() {}

  /** Where a bad record ends when its length cannot be believed. */
  static final long UNKNOWN_END = -1;

  /**
   * The outcome of a scan: the records before {@code validEnd} are good; {@code problem} is null when
   * the scan reached the limit cleanly, else a sentence about the first bad record, which ends at
   * {@code badRecordEnd} (or {@link #UNKNOWN_END} when its length is damaged too): bytes beyond that
   * mean the damage is not just a torn last write.
   */
  record Scan(long validEnd, long records, String problem, long badRecordEnd) {
    static Scan upTo(long end, long records) {
      return new Scan(end, records, null, end);
    }

    boolean clean() {
      return problem == null;
    }
  }

  /**
   * Scans {@code channel} from offset 0 up to {@code limit}, handing each valid payload to
   * {@code sink} (which may be a no-op when only validation is wanted). Moves the channel's
   * position: give it a channel that nothing else reads or writes through at the same time.
   *
   * <p>Only the checksum decides whether a record is valid, whatever its length: a store whose
   * limit on updates was lowered still reads what it wrote before. {@code plausibleRecordBytes} only
   * tells apart, in the report, a last record cut short (a torn write) from a length that is damaged.
   */
  static Scan scan(FileChannel channel, long limit, int plausibleRecordBytes, Consumer<byte[]> sink)
      throws IOException {
    channel.position(0);
    InputStream raw = Channels.newInputStream(channel);
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, READ_BUFFER_BYTES));
    long offset = 0;
    long records = 0;
    while (offset < limit) {
      long remaining = limit - offset;
      if (remaining < RecordFormat.HEADER_BYTES) {
        return new Scan(offset, records, "a partial header of " + remaining + " bytes at offset "
            + offset, limit);
      }
      int length;
      int expected;
      try {
        length = in.readInt();
        expected = in.readInt();
      } catch (EOFException shrunk) {
        return new Scan(offset, records, "the file ended inside the header at offset " + offset,
            limit);
      }
      long left = remaining - RecordFormat.HEADER_BYTES;
      if (length < 0 || (length > left && length > plausibleRecordBytes)) {
        return new Scan(offset, records, "a damaged record length of " + Integer.toUnsignedString(length)
            + " bytes at offset " + offset + ", past the end of the file", UNKNOWN_END);
      }
      if (length > left) {
        return new Scan(offset, records, "a record of " + length + " bytes at offset " + offset
            + " with only " + left + " bytes left in the file", limit);
      }
      byte[] payload = new byte[length];
      try {
        in.readFully(payload);
      } catch (EOFException shrunk) {
        return new Scan(offset, records, "the file ended inside the record at offset " + offset,
            limit);
      }
      if (RecordFormat.checksum(length, payload) != expected) {
        return new Scan(offset, records, "a checksum mismatch in the record at offset " + offset,
            offset + RecordFormat.HEADER_BYTES + length);
      }
      sink.accept(payload);
      offset += RecordFormat.HEADER_BYTES + length;
      records++;
    }
    return Scan.upTo(offset, records);
  }
}
