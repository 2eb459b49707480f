package org.ensemble.protocol.lib0;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript semantics on the lib0 value model (null, {@link Undefined}, Boolean, Number, String,
 * List or Object[], Map, byte[]) where Ensemble must decide exactly as a browser would: strict
 * equality ({@code ===}), truthiness ({@code value || null}), lib0's {@code equalityDeep} (awareness
 * events) and object spread ({@code {...state, [field]: value}}).
 */
public final class JsValues {
  private JsValues() {}

  /** JavaScript's {@code value || null}: falsy values (false, 0, -0, NaN, "", undefined) become null. */
  public static Object orNull(Object value) {
    return isFalsy(value) ? null : value;
  }

  public static boolean isFalsy(Object value) {
    if (value == null || value == Undefined.VALUE || Boolean.FALSE.equals(value)) {
      return true;
    }
    if (value instanceof String) {
      return ((String) value).isEmpty();
    }
    if (value instanceof BigInteger) {
      return ((BigInteger) value).signum() == 0;
    }
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      return d == 0 || Double.isNaN(d);
    }
    return false;
  }

  /** JavaScript's {@code a === b}: primitives by value (NaN never, 0 and -0 equal), objects by identity. */
  public static boolean strictEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof BigInteger || b instanceof BigInteger) {
      return a.equals(b);
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof String || a instanceof Boolean) {
      return a.equals(b);
    }
    return false;
  }

  /**
   * lib0's {@code equalityDeep}: numbers by {@code ===} (so NaN differs from itself and 0 equals -0),
   * arrays element by element, plain objects by size and then key by key (a missing key reads as
   * undefined), byte arrays byte by byte, anything else only when it is the same object.
   */
  public static boolean equalityDeep(Object a, Object b) {
    if (strictEquals(a, b)) {
      return true;
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.equals((byte[]) a, (byte[]) b);
    }
    if (isArray(a) && isArray(b)) {
      List<?> x = asList(a);
      List<?> y = asList(b);
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equalityDeep(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Object other = y.containsKey(e.getKey()) ? y.get(e.getKey()) : Undefined.VALUE;
        if (!equalityDeep(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * The object {@code {...value, [field]: fieldValue}}: a copy of a map's entries, the indices of an
   * array, a byte array or a string (one per UTF-16 unit), nothing for other values; then the field.
   */
  public static Map<String, Object> spreadWith(Object value, String field, Object fieldValue) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map) {
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
    } else if (isArray(value)) {
      List<?> list = asList(value);
      for (int i = 0; i < list.size(); i++) {
        out.put(Integer.toString(i), list.get(i));
      }
    } else if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      for (int i = 0; i < bytes.length; i++) {
        out.put(Integer.toString(i), bytes[i] & 0xFF);
      }
    } else if (value instanceof String) {
      String s = (String) value;
      for (int i = 0; i < s.length(); i++) {
        out.put(Integer.toString(i), String.valueOf(s.charAt(i)));
      }
    }
    out.put(field, fieldValue);
    return out;
  }

  private static boolean isArray(Object v) {
    return v instanceof List || v instanceof Object[];
  }

  private static List<?> asList(Object v) {
    return v instanceof List ? (List<?>) v : Arrays.asList((Object[]) v);
  }
}
