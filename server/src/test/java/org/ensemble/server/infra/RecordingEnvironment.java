package org.ensemble.server.infra;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An environment for {@code ServerConfig.from} that records every variable the server asks for, so
 * that the set of variables the server reads comes from the server itself and is written nowhere else.
 */
final class RecordingEnvironment extends AbstractMap<String, String> {
  private final Map<String, String> values;
  private final Set<String> asked = new TreeSet<>();

  RecordingEnvironment(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The variables asked for so far, sorted. */
  Set<String> asked() {
    return Collections.unmodifiableSet(asked);
  }

  @Override
  public String get(Object key) {
    asked.add(String.valueOf(key));
    return values.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    asked.add(String.valueOf(key));
    return values.containsKey(key);
  }

  @Override
  public String getOrDefault(Object key, String fallback) {
    asked.add(String.valueOf(key));
    return values.getOrDefault(key, fallback);
  }

  /** Refused: a server that went through the whole environment would read variables unrecorded. */
  @Override
  public Set<Entry<String, String>> entrySet() {
    throw new UnsupportedOperationException("the server lists the environment; record what it reads that way too");
  }
}
