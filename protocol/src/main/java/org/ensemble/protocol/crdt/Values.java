package org.ensemble.protocol.crdt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.JsNumber;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Checks and copies the plain values that applications put into shared types. A value is stored as
 * every replica will read it back: numbers become Integer, Long or Double by value, lists become
 * {@link ArrayList}s and maps {@link LinkedHashMap}s with string keys. Anything else is refused at
 * once instead of failing later while encoding.
 */
final class Values {
  private Values() {}

  static Object plain(Object v) {
    return plain(v, 0);
  }

  private static Object plain(Object v, int depth) {
    if (depth > 1000) {
      throw new IllegalArgumentException("value nested deeper than 1000 levels");
    }
    if (v == null || v == Undefined.VALUE || v instanceof String || v instanceof Boolean
        || v instanceof BigInteger || v instanceof byte[]) {
      return v;
    }
    if (v instanceof Number) {
      return JsNumber.normalize(((Number) v).doubleValue());
    }
    if (v instanceof List || v instanceof Object[]) {
      List<?> src = v instanceof List ? (List<?>) v : java.util.Arrays.asList((Object[]) v);
      List<Object> out = new ArrayList<>(src.size());
      for (Object o : src) {
        out.add(plain(o, depth + 1));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("map keys must be strings, not " + e.getKey());
        }
        out.put((String) e.getKey(), plain(e.getValue(), depth + 1));
      }
      return out;
    }
    if (v instanceof AbstractType || v instanceof Doc) {
      throw new IllegalArgumentException("a shared type or document cannot be nested inside a plain value");
    }
    throw new IllegalArgumentException("cannot store a " + v.getClass().getName() + " in a shared type");
  }

  /** The content that holds {@code value} as a map entry. */
  static Content contentFor(Object value) {
    if (value instanceof byte[]) {
      return new ContentBinary((byte[]) value);
    }
    if (value instanceof Doc) {
      return new ContentDoc((Doc) value);
    }
    if (value instanceof AbstractType) {
      return new ContentType((AbstractType) value);
    }
    List<Object> single = new ArrayList<>(1);
    single.add(plain(value));
    return new ContentAny(single);
  }

  /** Whether {@code value} is stored as its own item rather than packed with plain neighbours. */
  static boolean isStructured(Object value) {
    return value instanceof byte[] || value instanceof Doc || value instanceof AbstractType;
  }
}
