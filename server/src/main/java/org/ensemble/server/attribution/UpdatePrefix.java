package org.ensemble.server.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Which of a document's stored updates were applied already. A store's list is its snapshot followed
 * by the updates appended since, so between two loads the list usually only grows: the updates past
 * the known prefix are the new ones. After a compaction the list starts differently, and all of it is
 * new to this prefix (applying it again is harmless: Yjs ignores structs and deletions it already has).
 * Updates are recognised by length and a 64-bit checksum (CRC32C of each half), a few milliseconds
 * for megabytes, far less than applying them.
 */
final class UpdatePrefix {
  private long[] seen = new long[0];
  private int[] lengths = new int[0];

  /** The updates of {@code stored} not yet seen, and remembers {@code stored} as seen. */
  List<byte[]> advance(List<byte[]> stored) {
    long[] sums = new long[stored.size()];
    int[] sizes = new int[stored.size()];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = checksum(stored.get(i));
      sizes[i] = stored.get(i).length;
    }
    boolean extends_ = sums.length >= seen.length
        && Arrays.equals(seen, 0, seen.length, sums, 0, seen.length)
        && Arrays.equals(lengths, 0, lengths.length, sizes, 0, lengths.length);
    int from = extends_ ? seen.length : 0;
    seen = sums;
    lengths = sizes;
    return stored.subList(from, stored.size());
  }

  private static long checksum(byte[] update) {
    int half = update.length / 2;
    CRC32C a = new CRC32C();
    a.update(update, 0, half);
    CRC32C b = new CRC32C();
    b.update(update, half, update.length - half);
    return a.getValue() << 32 | b.getValue();
  }
}
