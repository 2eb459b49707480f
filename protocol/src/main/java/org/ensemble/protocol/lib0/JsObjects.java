package org.ensemble.protocol.lib0;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order in which JavaScript enumerates an object's own keys ({@code Object.keys}, {@code for in},
 * {@code JSON.stringify}): array-index keys first in ascending numeric order, then the other keys in
 * insertion order. lib0 writes objects in that order, so matching it keeps encodings byte-identical.
 */
public final class JsObjects {
  private JsObjects() {}

  /** The keys of {@code map} in JavaScript enumeration order. */
  public static List<String> keys(Map<?, ?> map) {
    List<String> indices = null;
    List<String> others = new ArrayList<>(map.size());
    for (Object k : map.keySet()) {
      String key = String.valueOf(k);
      if (isArrayIndex(key)) {
        if (indices == null) {
          indices = new ArrayList<>();
        }
        indices.add(key);
      } else {
        others.add(key);
      }
    }
    if (indices == null) {
      return others;
    }
    indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    indices.addAll(others);
    return indices;
  }

  /** A canonical decimal string of an integer in [0, 2^32 - 2]. */
  static boolean isArrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10) {
      return false;
    }
    if (n > 1 && key.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= 0xFFFFFFFEL;
  }
}
