package org.ensemble.protocol.lib0;

import java.util.Arrays;

/**
 * Writes lib0's binary encoding into a growing byte array: the primitives that every Yjs update,
 * sync message and awareness message is made of. The output is byte-identical to lib0's
 * {@code encoding.js}. Its mirror image is {@link Lib0Decoder}.
 */
public final class Lib0Encoder {
  private static final byte[] EMPTY = {};

  private byte[] buf;
  private int pos;

  /** An encoder that allocates on its first write (many column encoders of format v2 stay empty). */
  public Lib0Encoder() {
    buf = EMPTY;
  }

  public Lib0Encoder(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** The number of bytes written so far. */
  public int length() {
    return pos;
  }

  public boolean hasContent() {
    return pos > 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  private void ensure(int extra) {
    if (buf.length - pos < extra) {
      long wanted = Math.max(Math.max((long) buf.length * 2, (long) pos + extra), 32);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("encoding exceeds 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }

  public void writeUint8(int b) {
    if (pos == buf.length) {
      ensure(1);
    }
    buf[pos++] = (byte) b;
  }

  /** Unsigned variable-length integer: 7 bits per byte, least significant group first. */
  public void writeVarUint(long num) {
    if (num < 0) {
      throw new IllegalArgumentException("writeVarUint of a negative number: " + num);
    }
    ensure(10);
    while (num > 0x7F) {
      buf[pos++] = (byte) (0x80 | (num & 0x7F));
      num >>>= 7;
    }
    buf[pos++] = (byte) num;
  }

  /** Signed variable-length integer: the first byte carries a continuation bit, a sign bit and 6 bits. */
  public void writeVarInt(long num) {
    if (num < 0) {
      writeVarInt(-num, true);
    } else {
      writeVarInt(num, false);
    }
  }

  /**
   * Writes a magnitude with an explicit sign, which lets callers write JavaScript's {@code -0}
   * (lib0's run-length encoders use it as a flag).
   */
  public void writeVarInt(long magnitude, boolean negative) {
    ensure(11);
    buf[pos++] = (byte) ((magnitude > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (magnitude & 0x3F));
    magnitude >>>= 6;
    while (magnitude > 0) {
      buf[pos++] = (byte) ((magnitude > 0x7F ? 0x80 : 0) | (magnitude & 0x7F));
      magnitude >>>= 7;
    }
  }

  /** A UTF-8 string prefixed with its byte length. */
  public void writeVarString(String s) {
    int n = s.length();
    // Fast path for ASCII, by far the most common case (text, keys, ids).
    if (n < 128) {
      ensure(1 + n);
      int start = pos;
      buf[pos++] = (byte) n;
      boolean ascii = true;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        buf[pos++] = (byte) c;
      }
      if (ascii) {
        return;
      }
      pos = start;
    }
    int len = Utf8.encodedLength(s);
    writeVarUint(len);
    ensure(len);
    pos = Utf8.encodeInto(s, buf, pos);
  }

  public void writeUint8Array(byte[] bytes) {
    writeUint8Array(bytes, 0, bytes.length);
  }

  public void writeUint8Array(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, pos, length);
    pos += length;
  }

  /** A byte array prefixed with its length. */
  public void writeVarUint8Array(byte[] bytes) {
    writeVarUint(bytes.length);
    writeUint8Array(bytes);
  }

  /** Appends everything another encoder has written, prefixed with its length. */
  public void writeVarEncoder(Lib0Encoder other) {
    writeVarUint(other.pos);
    writeUint8Array(other.buf, 0, other.pos);
  }

  /** Appends everything another encoder has written, without a length prefix. */
  public void writeEncoder(Lib0Encoder other) {
    writeUint8Array(other.buf, 0, other.pos);
  }

  public void writeFloat32(float value) {
    writeBigEndian(Float.floatToRawIntBits(value) & 0xFFFFFFFFL, 4);
  }

  public void writeFloat64(double value) {
    writeBigEndian(Double.doubleToRawLongBits(value), 8);
  }

  public void writeBigInt64(long value) {
    writeBigEndian(value, 8);
  }

  private void writeBigEndian(long bits, int bytes) {
    ensure(bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      buf[pos++] = (byte) (bits >>> (8 * i));
    }
  }
}
