package org.ensemble.protocol.crdt;

import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.JsValues;
import org.ensemble.protocol.lib0.Undefined;

/**
 * JavaScript's equality rules for formatting values, which decide where text formatting starts and
 * ends: {@code ===} compares primitives by value and objects by identity; Yjs's {@code equalAttrs}
 * also compares flat objects and arrays key by key.
 */
final class Attributes {
  private Attributes() {}

  /** JavaScript's {@code a === b}. */
  static boolean strictEquals(Object a, Object b) {
    return JsValues.strictEquals(a, b);
  }

  /** Yjs's {@code equalAttrs}: strictly equal, or two objects (or arrays) with strictly equal entries. */
  static boolean equal(Object a, Object b) {
    if (strictEquals(a, b)) {
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> ma = (Map<?, ?>) a;
      Map<?, ?> mb = (Map<?, ?>) b;
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        Object bv = mb.containsKey(e.getKey()) ? mb.get(e.getKey()) : Undefined.VALUE;
        if (!strictEquals(bv, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List && b instanceof List) {
      List<?> la = (List<?>) a;
      List<?> lb = (List<?>) b;
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!strictEquals(lb.get(i), la.get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** JavaScript's {@code x ?? null} for a map lookup: absent and undefined both read as null. */
  static Object orNull(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == Undefined.VALUE ? null : v;
  }

  /** JavaScript's {@code obj[key]}: {@link Undefined#VALUE} when absent. */
  static Object get(Map<String, Object> map, String key) {
    return map.containsKey(key) ? map.get(key) : Undefined.VALUE;
  }
}
