package org.ensemble.protocol.lib0;

/**
 * lib0's {@code IntDiffOptRleEncoder}/{@code IntDiffOptRleDecoder}: runs of equal differences between
 * consecutive values. The lowest bit of the written difference says whether a run length follows.
 */
public final class IntDiffOptRle {
  private IntDiffOptRle() {}

  public static final class Encoder {
    private final Lib0Encoder out = new Lib0Encoder();
    private long value;
    private long count;
    private long diff;

    public void write(long v) {
      if (diff == v - value) {
        value = v;
        count++;
      } else {
        flush();
        count = 1;
        diff = v - value;
        value = v;
      }
    }

    private void flush() {
      if (count > 0) {
        out.writeVarInt(diff * 2 + (count == 1 ? 0 : 1));
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
    private long diff;

    public Decoder(Lib0Decoder in) {
      this.in = in;
    }

    public long read() {
      if (count == 0) {
        long d = in.readVarInt();
        diff = Math.floorDiv(d, 2);
        count = 1;
        if ((d & 1) != 0) {
          count = in.readVarUint() + 2;
        }
      }
      value += diff;
      count--;
      return value;
    }

    /** {@link #read} for a value that must be a non-negative int (clocks, key indices). */
    public int readInt(String what) {
      long v = read();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw in.error(what + " out of range: " + v);
      }
      return (int) v;
    }
  }
}
