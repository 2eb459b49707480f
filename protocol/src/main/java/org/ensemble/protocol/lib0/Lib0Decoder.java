package org.ensemble.protocol.lib0;

import java.util.Arrays;

/**
 * Reads lib0's binary encoding; the mirror image of {@link Lib0Encoder}. Every read checks the
 * bounds first and raises {@link DecodingException} with the reason and offset, so truncated or
 * forged input never surfaces as an index or memory error.
 */
public final class Lib0Decoder {
  /** The largest integer a JavaScript number holds exactly; lib0 refuses varints above it. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final byte[] arr;
  private final int end;
  private int pos;
  private boolean lastVarIntNegative;

  public Lib0Decoder(byte[] arr) {
    this(arr, 0, arr.length);
  }

  public Lib0Decoder(byte[] arr, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > arr.length) {
      throw new IllegalArgumentException("slice out of bounds");
    }
    this.arr = arr;
    this.pos = offset;
    this.end = offset + length;
  }

  public boolean hasContent() {
    return pos < end;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  public DecodingException error(String reason) {
    return DecodingException.at(pos, reason);
  }

  private void need(int n, String what) {
    if (n < 0 || end - pos < n) {
      throw error("unexpected end of buffer: " + what + " needs " + n + " bytes, " + (end - pos) + " left");
    }
  }

  public int readUint8() {
    if (pos >= end) {
      throw error("unexpected end of buffer: expected 1 more byte");
    }
    return arr[pos++] & 0xFF;
  }

  public int peekUint8() {
    if (pos >= end) {
      throw error("unexpected end of buffer: expected 1 more byte");
    }
    return arr[pos] & 0xFF;
  }

  public long readVarUint() {
    long num = 0;
    int shift = 0;
    while (pos < end) {
      int r = arr[pos++] & 0xFF;
      long part = r & 0x7F;
      if (part != 0) {
        if (shift > 49) {
          throw error("invalid varint: larger than 2^53 - 1");
        }
        num += part << shift;
      }
      if (r < 0x80) {
        if (num > MAX_SAFE_INTEGER) {
          throw error("invalid varint: larger than 2^53 - 1");
        }
        return num;
      }
      shift += 7;
      if (shift > 70) {
        throw error("invalid varint: more than 10 bytes");
      }
    }
    throw error("unexpected end of buffer inside a varint");
  }

  /** A varuint that must fit a non-negative Java int; {@code what} names it in the error. */
  public int readVarUintAsInt(String what) {
    long v = readVarUint();
    if (v > Integer.MAX_VALUE) {
      throw error(what + " out of range: " + v);
    }
    return (int) v;
  }

  /** A signed varint. {@link #lastVarIntWasNegative()} tells whether it carried the sign bit (so -0 is seen). */
  public long readVarInt() {
    if (pos >= end) {
      throw error("unexpected end of buffer: expected a varint");
    }
    int r = arr[pos++] & 0xFF;
    long num = r & 0x3F;
    lastVarIntNegative = (r & 0x40) != 0;
    if ((r & 0x80) == 0) {
      return lastVarIntNegative ? -num : num;
    }
    int shift = 6;
    while (pos < end) {
      r = arr[pos++] & 0xFF;
      long part = r & 0x7F;
      if (part != 0) {
        if (shift > 49) {
          throw error("invalid varint: magnitude larger than 2^53 - 1");
        }
        num += part << shift;
      }
      if (r < 0x80) {
        if (num > MAX_SAFE_INTEGER) {
          throw error("invalid varint: magnitude larger than 2^53 - 1");
        }
        return lastVarIntNegative ? -num : num;
      }
      shift += 7;
      if (shift > 70) {
        throw error("invalid varint: more than 10 bytes");
      }
    }
    throw error("unexpected end of buffer inside a varint");
  }

  public boolean lastVarIntWasNegative() {
    return lastVarIntNegative;
  }

  public String readVarString() {
    long len = readVarUint();
    if (len > end - pos) {
      throw error("unexpected end of buffer: string of " + len + " bytes, " + (end - pos) + " left");
    }
    int n = (int) len;
    String s = Utf8.decode(arr, pos, n);
    pos += n;
    return s;
  }

  public byte[] readUint8Array(int len) {
    need(len, "byte array");
    byte[] out = Arrays.copyOfRange(arr, pos, pos + len);
    pos += len;
    return out;
  }

  public byte[] readVarUint8Array() {
    long len = readVarUint();
    if (len > end - pos) {
      throw error("unexpected end of buffer: byte array of " + len + " bytes, " + (end - pos) + " left");
    }
    return readUint8Array((int) len);
  }

  /** A decoder over the next {@code len} bytes, which are skipped here. */
  public Lib0Decoder readVarSlice() {
    long len = readVarUint();
    if (len > end - pos) {
      throw error("unexpected end of buffer: section of " + len + " bytes, " + (end - pos) + " left");
    }
    Lib0Decoder slice = new Lib0Decoder(arr, pos, (int) len);
    pos += (int) len;
    return slice;
  }

  public byte[] readTailAsUint8Array() {
    return readUint8Array(end - pos);
  }

  public float readFloat32() {
    return Float.intBitsToFloat((int) readBigEndian(4));
  }

  public double readFloat64() {
    return Double.longBitsToDouble(readBigEndian(8));
  }

  public long readBigInt64() {
    return readBigEndian(8);
  }

  private long readBigEndian(int bytes) {
    need(bytes, "fixed-size number");
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (arr[pos++] & 0xFF);
    }
    return v;
  }
}
