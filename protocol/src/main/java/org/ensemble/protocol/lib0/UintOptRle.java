package org.ensemble.protocol.lib0;

/**
 * lib0's {@code UintOptRleEncoder}/{@code UintOptRleDecoder}: a lone value is written as a positive
 * varint; a run is written with the sign bit set (so a run of zeros is written as -0) and then its
 * length minus two.
 */
public final class UintOptRle {
  private UintOptRle() {}

  public static final class Encoder {
    private final Lib0Encoder out = new Lib0Encoder();
    private long value;
    private long count;

    public void write(long v) {
      if (value == v) {
        count++;
      } else {
        flush();
        count = 1;
        value = v;
      }
    }

    private void flush() {
      if (count > 0) {
        out.writeVarInt(value, count > 1);
        if (count > 1) {
          out.writeVarUint(count - 2);
        }
      }
    }

    public byte[] toByteArray() {
      flush();
      return out.toByteArray();
    }

    /** Writes the encoded values into {@code target}, prefixed with their length. */
    public void writeLengthPrefixed(Lib0Encoder target) {
      flush();
      count = 0;
      target.writeVarEncoder(out);
    }
  }

  public static final class Decoder {
    private final Lib0Decoder in;
    private long value;
    private long count;

    public Decoder(Lib0Decoder in) {
      this.in = in;
    }

    public long read() {
      if (count == 0) {
        long v = in.readVarInt();
        count = 1;
        if (in.lastVarIntWasNegative()) {
          v = -v;
          count = in.readVarUint() + 2;
        }
        value = v;
      }
      count--;
      return value;
    }

    /** {@link #read} for a value that must fit an int (lengths, clocks, type refs). */
    public int readInt(String what) {
      long v = read();
      if (v > Integer.MAX_VALUE) {
        throw in.error(what + " out of range: " + v);
      }
      return (int) v;
    }
  }
}
