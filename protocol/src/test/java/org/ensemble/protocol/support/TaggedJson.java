package org.ensemble.protocol.support;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.JsNumber;
import org.ensemble.protocol.lib0.Undefined;

/**
 * The tagged JSON convention of the JavaScript test side (see protocol/src/test/js/README.md): values
 * JSON cannot hold become one-key objects. {@link #canonical} turns both sides into a form where
 * {@code equals} means "the same JavaScript value": maps sorted by key, numbers as JavaScript prints
 * them.
 */
public final class TaggedJson {
  private TaggedJson() {}

  /** Tags a Java value the way the JavaScript side's replacer does. */
  public static Object tag(Object v) {
    if (v == Undefined.VALUE) {
      return Map.of("$undefined", true);
    }
    if (v instanceof BigInteger) {
      return Map.of("$bigint", v.toString());
    }
    if (v instanceof byte[]) {
      return Map.of("$bytes", Base64.getEncoder().encodeToString((byte[]) v));
    }
    if (v instanceof Doc) {
      return Map.of("$doc", ((Doc) v).guid());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return Map.of("$number", "NaN");
      }
      if (Double.isInfinite(d)) {
        return Map.of("$number", d > 0 ? "Infinity" : "-Infinity");
      }
      if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
        return Map.of("$number", "-0");
      }
      return v;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(tag(o));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), tag(e.getValue()));
      }
      return out;
    }
    return v;
  }

  /** Turns a tagged value back into the Java model (the reverse of {@link #tag}). */
  public static Object untag(Object v) {
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      if (m.size() == 1) {
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        String k = String.valueOf(e.getKey());
        switch (k) {
          case "$undefined": return Undefined.VALUE;
          case "$bigint": return new BigInteger((String) e.getValue());
          case "$bytes": return Base64.getDecoder().decode((String) e.getValue());
          case "$number": {
            String s = (String) e.getValue();
            return "-0".equals(s) ? -0.0 : "NaN".equals(s) ? Double.NaN : "Infinity".equals(s)
                ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
          }
          default: break;
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), untag(e.getValue()));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(untag(o));
      }
      return out;
    }
    return v;
  }

  /** A form of a tagged value in which {@code equals} is JavaScript value equality, key order ignored. */
  public static Object canonical(Object v) {
    if (v instanceof Map) {
      Map<String, Object> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), canonical(e.getValue()));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(canonical(o));
      }
      return out;
    }
    if (v instanceof Number && !(v instanceof BigInteger)) {
      return "#" + JsNumber.toString(((Number) v).doubleValue());
    }
    return v;
  }

  /** Tags and canonicalizes a Java value. */
  public static Object canonicalOfJava(Object v) {
    return canonical(tag(v));
  }
}
