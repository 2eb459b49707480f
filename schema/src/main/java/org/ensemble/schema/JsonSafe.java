package org.ensemble.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Copies content whose shape the schema does not define (the suggestions) into values that
 * {@link Json#stringify} always accepts. A document may hold what JSON cannot write (a bigint, a
 * subdocument, nesting past {@link Json#MAX_DEPTH}); those become null, so that serving a project
 * never fails on them.
 */
final class JsonSafe {
  private static final int MAX_DEPTH = 100;

  private JsonSafe() {}

  static Object copy(Object value) {
    return copy(value, 0);
  }

  private static Object copy(Object value, int depth) {
    if (value == null || value == Undefined.VALUE || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof byte[]) {
      return value;
    }
    if (depth >= MAX_DEPTH) {
      return null;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) value) {
        out.add(copy(element, depth + 1));
      }
      return out;
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), copy(v, depth + 1)));
      return out;
    }
    return null;
  }
}
