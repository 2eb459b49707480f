package org.ensemble.protocol.lib0;

/**
 * lib0's {@code StringEncoder}/{@code StringDecoder}: all strings concatenated into one UTF-8 string,
 * followed by their UTF-16 lengths in a {@link UintOptRle} stream.
 */
public final class RleStrings {
  private RleStrings() {}

  public static final class Encoder {
    private final StringBuilder joined = new StringBuilder();
    private final UintOptRle.Encoder lengths = new UintOptRle.Encoder();

    public void write(String s) {
      joined.append(s);
      lengths.write(s.length());
    }

    public byte[] toByteArray() {
      Lib0Encoder out = new Lib0Encoder();
      out.writeVarString(joined.toString());
      out.writeUint8Array(lengths.toByteArray());
      return out.toByteArray();
    }

    /** Writes the strings into {@code target}, prefixed with their encoded length. */
    public void writeLengthPrefixed(Lib0Encoder target) {
      target.writeVarUint8Array(toByteArray());
    }
  }

  public static final class Decoder {
    private final Lib0Decoder in;
    private final UintOptRle.Decoder lengths;
    private final String joined;
    private int pos;

    public Decoder(Lib0Decoder in) {
      this.in = in;
      this.joined = in.readVarString();
      this.lengths = new UintOptRle.Decoder(in);
    }

    public String read() {
      long len = lengths.read();
      if (len > joined.length() - pos) {
        throw in.error("string of " + len + " characters, only " + (joined.length() - pos) + " left in the string table");
      }
      String s = joined.substring(pos, pos + (int) len);
      pos += (int) len;
      return s;
    }
  }
}
