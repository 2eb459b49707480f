package org.ensemble.protocol.lib0;

/**
 * lib0's {@code RleEncoder}/{@code RleDecoder} over single bytes: each value once, followed by how
 * many more times it repeats. The last run has no count; the decoder repeats it for ever.
 */
public final class RleUint8 {
  private RleUint8() {}

  public static final class Encoder {
    private final Lib0Encoder out = new Lib0Encoder();
    private int value = -1;
    private long count;

    public void write(int v) {
      if (value == v) {
        count++;
      } else {
        if (count > 0) {
          out.writeVarUint(count - 1);
        }
        count = 1;
        out.writeUint8(v);
        value = v;
      }
    }

    public byte[] toByteArray() {
      return out.toByteArray();
    }

    /** Writes the encoded values into {@code target}, prefixed with their length. */
    public void writeLengthPrefixed(Lib0Encoder target) {
      target.writeVarEncoder(out);
    }
  }

  public static final class Decoder {
    private final Lib0Decoder in;
    private int value;
    private long count;

    public Decoder(Lib0Decoder in) {
      this.in = in;
    }

    public int read() {
      if (count == 0) {
        value = in.readUint8();
        count = in.hasContent() ? in.readVarUint() + 1 : -1;
      }
      count--;
      return value;
    }
  }
}
