package org.ensemble.protocol.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.Json;

/** The files that protocol/src/test/js/protocol-fixtures.mjs wrote with the real y-protocols package. */
final class ProtocolFixtures {
  static final String Y_PROTOCOLS_VERSION = "1.0.7";

  private ProtocolFixtures() {}

  static Path root() {
    Path p = Paths.get("src/test/resources/fixtures/y-protocols-" + Y_PROTOCOLS_VERSION);
    if (!Files.isDirectory(p)) {
      p = Paths.get("protocol").resolve(p);
    }
    return p;
  }

  static byte[] bytes(String dir, String file) {
    try {
      return Files.readAllBytes(root().resolve(dir).resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object json(String dir, String file) {
    return Json.parse(new String(bytes(dir, file), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  static long number(Object o) {
    return ((Number) o).longValue();
  }

  static List<Long> longs(Object o) {
    List<Long> out = new ArrayList<>();
    for (Object v : list(o)) {
      out.add(number(v));
    }
    return out;
  }

  /** A JSON list of [clientId, value] pairs as an ordered map. */
  static Map<Long, Object> pairs(Object o) {
    Map<Long, Object> out = new LinkedHashMap<>();
    for (Object pair : list(o)) {
      out.put(number(list(pair).get(0)), list(pair).get(1));
    }
    return out;
  }

  /** States as comparable text: JSON.stringify of each state, in map order. */
  static List<String> stringified(Map<Long, ?> states) {
    List<String> out = new ArrayList<>();
    states.forEach((id, state) -> out.add(id + "=" + Json.stringify(state)));
    return out;
  }
}
