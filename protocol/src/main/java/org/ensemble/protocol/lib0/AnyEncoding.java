package org.ensemble.protocol.lib0;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lib0's {@code any} encoding, the writer and the reader side by side: one type byte, then the value.
 * It carries map values, array elements and (in format v2) formatting attributes and embeds.
 *
 * <p>Numbers are written by value, as JavaScript sees them: integers of at most 31 bits as varints,
 * values that a float32 holds exactly as float32, everything else as float64.
 */
public final class AnyEncoding {
  public static final int UNDEFINED = 127;
  public static final int NULL = 126;
  public static final int INTEGER = 125;
  public static final int FLOAT32 = 124;
  public static final int FLOAT64 = 123;
  public static final int BIGINT = 122;
  public static final int FALSE = 121;
  public static final int TRUE = 120;
  public static final int STRING = 119;
  public static final int OBJECT = 118;
  public static final int ARRAY = 117;
  public static final int UINT8ARRAY = 116;

  private AnyEncoding() {}

  public static void writeAny(Lib0Encoder encoder, Object data) {
    if (data == null) {
      encoder.writeUint8(NULL);
    } else if (data instanceof String) {
      encoder.writeUint8(STRING);
      encoder.writeVarString((String) data);
    } else if (data instanceof Boolean) {
      encoder.writeUint8((Boolean) data ? TRUE : FALSE);
    } else if (data instanceof BigInteger) {
      encoder.writeUint8(BIGINT);
      encoder.writeBigInt64(((BigInteger) data).longValue());
    } else if (data instanceof Number) {
      writeNumber(encoder, ((Number) data).doubleValue());
    } else if (data instanceof byte[]) {
      encoder.writeUint8(UINT8ARRAY);
      encoder.writeVarUint8Array((byte[]) data);
    } else if (data instanceof List || data instanceof Object[]) {
      List<?> list = data instanceof List ? (List<?>) data : java.util.Arrays.asList((Object[]) data);
      encoder.writeUint8(ARRAY);
      encoder.writeVarUint(list.size());
      for (Object o : list) {
        writeAny(encoder, o);
      }
    } else if (data instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) data;
      encoder.writeUint8(OBJECT);
      List<String> keys = JsObjects.keys(map);
      encoder.writeVarUint(keys.size());
      for (String key : keys) {
        encoder.writeVarString(key);
        writeAny(encoder, map.get(key));
      }
    } else if (data == Undefined.VALUE) {
      encoder.writeUint8(UNDEFINED);
    } else {
      throw new IllegalArgumentException("cannot encode " + data.getClass().getName() + " as lib0 any");
    }
  }

  private static void writeNumber(Lib0Encoder encoder, double d) {
    if (JsNumber.isSmallInteger(d)) {
      encoder.writeUint8(INTEGER);
      boolean negative = d < 0 || (d == 0 && Double.doubleToRawLongBits(d) != 0);
      encoder.writeVarInt((long) Math.abs(d), negative);
    } else if (JsNumber.isFloat32(d)) {
      encoder.writeUint8(FLOAT32);
      encoder.writeFloat32((float) d);
    } else {
      encoder.writeUint8(FLOAT64);
      encoder.writeFloat64(d);
    }
  }

  public static Object readAny(Lib0Decoder decoder) {
    return readAny(decoder, 0);
  }

  private static Object readAny(Lib0Decoder decoder, int depth) {
    if (depth > Json.MAX_DEPTH) {
      throw decoder.error("any value nested deeper than " + Json.MAX_DEPTH);
    }
    int type = decoder.readUint8();
    switch (type) {
      case UNDEFINED: return Undefined.VALUE;
      case NULL: return null;
      case INTEGER: {
        long v = decoder.readVarInt();
        if (v == 0 && decoder.lastVarIntWasNegative()) {
          return -0.0;
        }
        return JsNumber.normalize(v);
      }
      case FLOAT32: return JsNumber.normalize(decoder.readFloat32());
      case FLOAT64: return JsNumber.normalize(decoder.readFloat64());
      case BIGINT: return BigInteger.valueOf(decoder.readBigInt64());
      case FALSE: return Boolean.FALSE;
      case TRUE: return Boolean.TRUE;
      case STRING: return decoder.readVarString();
      case OBJECT: {
        long len = decoder.readVarUint();
        // Every entry takes at least two bytes (an empty key and a type byte).
        if (len > decoder.remaining() / 2) {
          throw decoder.error("object claims " + len + " entries, only " + decoder.remaining() + " bytes left");
        }
        Map<String, Object> obj = new LinkedHashMap<>();
        for (long i = 0; i < len; i++) {
          String key = decoder.readVarString();
          obj.put(key, readAny(decoder, depth + 1));
        }
        return obj;
      }
      case ARRAY: {
        long len = decoder.readVarUint();
        if (len > decoder.remaining()) {
          throw decoder.error("array claims " + len + " elements, only " + decoder.remaining() + " bytes left");
        }
        List<Object> arr = new ArrayList<>((int) len);
        for (long i = 0; i < len; i++) {
          arr.add(readAny(decoder, depth + 1));
        }
        return arr;
      }
      case UINT8ARRAY: return decoder.readVarUint8Array();
      default:
        throw decoder.error("unknown type " + type + " in an any value");
    }
  }
}
