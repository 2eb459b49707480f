package org.ensemble.protocol.crdt;

import java.util.HashMap;
import java.util.Map;

/**
 * One String per map key name in a document. Every note of a project has the same few keys
 * ({@code pitch}, {@code start}, ...), and each decoded update brings them as new strings: a map
 * entry's first value would keep its own copy (~48 bytes) for as long as the document lives. Later
 * values of a key reuse the first one's name already ({@link Item#integrate}).
 *
 * <p>Bounded, so that a document with arbitrary keys cannot grow it without limit: past
 * {@link #MAX_NAMES} names, or for long names, a key keeps its own string.
 */
final class KeyNames {
  static final int MAX_NAMES = 4096;
  static final int MAX_LENGTH = 64;

  private final Map<String, String> names = new HashMap<>();

  /** The document's instance of {@code key}, which it becomes if it is the first. */
  String canonical(String key) {
    String known = names.get(key);
    if (known != null) {
      return known;
    }
    if (names.size() < MAX_NAMES && key.length() <= MAX_LENGTH) {
      names.put(key, key);
    }
    return key;
  }
}
