package org.ensemble.server.store.disk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ensemble.server.store.StoreException;

/**
 * Maps ids chosen by clients (document ids, metadata keys) to file names that cannot leave the
 * store's directory: lowercase base32 (RFC 4648 alphabet, no padding) of the id's UTF-8 bytes. The
 * mapping is reversible, so a directory listing gives the ids back; lowercase letters and digits only,
 * so it is also safe on case-insensitive file systems, and "..", "/" or NUL cannot appear.
 */
final class FileNames {
  /**
   * The longest id, in UTF-8 bytes: its base32 name (216 characters) plus the longest suffix the
   * stores add (".snap." + a 19-digit sequence + ".tmp", 29 characters) stays under the 255-byte
   * name limit of ext4, XFS and most other file systems.
   */
  static final int MAX_ID_BYTES = 135;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int BITS_PER_CHAR = 5;
  private static final int CHAR_MASK = (1 << BITS_PER_CHAR) - 1;

  private FileNames() {}

  /** The file name stem of {@code id}; refuses ids that are empty or longer than {@link #MAX_ID_BYTES}. */
  static String encode(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    check(bytes.length);
    StringBuilder out = new StringBuilder((bytes.length * 8 + BITS_PER_CHAR - 1) / BITS_PER_CHAR);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= BITS_PER_CHAR) {
        bits -= BITS_PER_CHAR;
        out.append(ALPHABET.charAt((buffer >>> bits) & CHAR_MASK));
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (BITS_PER_CHAR - bits)) & CHAR_MASK));
    }
    return out.toString();
  }

  /**
   * Refuses what {@link #encode} would refuse, without building the name: every append checks its
   * document id, and most ids are short ASCII, which this measures without allocating.
   */
  static void check(String id) {
    int length = id.length();
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) >= 0x80) {
        length = id.getBytes(StandardCharsets.UTF_8).length;
        break;
      }
    }
    check(length);
  }

  private static void check(int utf8Bytes) {
    if (utf8Bytes == 0) {
      throw new StoreException("an empty id cannot be stored");
    }
    if (utf8Bytes > MAX_ID_BYTES) {
      throw new StoreException("id of " + utf8Bytes + " UTF-8 bytes is longer than the "
          + MAX_ID_BYTES + " bytes this store can map to a file name");
    }
  }

  /** The id whose stem is {@code name}, or empty when {@code name} is not a stem this class wrote. */
  static Optional<String> decode(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() * BITS_PER_CHAR / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < name.length(); i++) {
      int value = ALPHABET.indexOf(name.charAt(i));
      if (value < 0) {
        return Optional.empty();
      }
      buffer = (buffer << BITS_PER_CHAR) | value;
      bits += BITS_PER_CHAR;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >>> bits) & 0xff);
      }
    }
    // Leftover bits are padding: encode writes fewer than 8, all zero.
    if (bits >= BITS_PER_CHAR || (buffer & ((1 << bits) - 1)) != 0 || out.size() == 0) {
      return Optional.empty();
    }
    String id = out.toString(StandardCharsets.UTF_8);
    try {
      // Round-tripping rejects names that are not canonical (bytes that are not UTF-8, say).
      return encode(id).equals(name) ? Optional.of(id) : Optional.empty();
    } catch (StoreException tooLong) {
      return Optional.empty();
    }
  }
}
