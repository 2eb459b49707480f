package org.ensemble.schema;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.ensemble.protocol.lib0.JsNumber;

/**
 * Reads the typed fields of one map of the document. Each method returns the value when it is
 * usable, or reports why not at the field's path and returns empty. {@code fallback} says what the
 * caller does instead ("using 0", "the note is skipped"); it ends the message so that every problem
 * tells what the reader made of it.
 */
final class FieldReader {
  private final Map<String, Object> fields;
  private final String path;
  private final boolean indexed;
  private final Problems problems;

  FieldReader(Map<String, Object> fields, String path, Problems problems) {
    this(fields, path, false, problems);
  }

  private FieldReader(Map<String, Object> fields, String path, boolean indexed, Problems problems) {
    this.fields = fields;
    this.path = path;
    this.indexed = indexed;
    this.problems = problems;
  }

  /** Reads the elements of a list; their keys are their positions ("0", "1", ...). */
  static FieldReader ofElements(List<Object> elements, String path, Problems problems) {
    Map<String, Object> byPosition = new LinkedHashMap<>();
    for (int i = 0; i < elements.size(); i++) {
      byPosition.put(Integer.toString(i), elements.get(i));
    }
    return new FieldReader(byPosition, path, true, problems);
  }

  String pathOf(String key) {
    return indexed ? Problems.index(path, Integer.parseInt(key)) : Problems.key(path, key);
  }

  boolean has(String key) {
    return fields.containsKey(key);
  }

  /** The value as stored, or null when absent. */
  Object raw(String key) {
    return fields.get(key);
  }

  void report(String key, String message, String fallback) {
    problems.add(pathOf(key), message + "; " + fallback);
  }

  Optional<String> string(String key, String fallback) {
    if (!isPresent(key, fallback)) {
      return Optional.empty();
    }
    Object v = fields.get(key);
    if (!(v instanceof String)) {
      report(key, "expected a string, found " + DocValues.describe(v), fallback);
      return Optional.empty();
    }
    return Optional.of((String) v);
  }

  /** A string with at least one character: what ids must be. */
  Optional<String> nonEmptyString(String key, String fallback) {
    Optional<String> s = string(key, fallback);
    if (s.isPresent() && s.get().isEmpty()) {
      report(key, "must not be empty", fallback);
      return Optional.empty();
    }
    return s;
  }

  Optional<Boolean> bool(String key, String fallback) {
    if (!isPresent(key, fallback)) {
      return Optional.empty();
    }
    Object v = fields.get(key);
    if (!(v instanceof Boolean)) {
      report(key, "expected a boolean, found " + DocValues.describe(v), fallback);
      return Optional.empty();
    }
    return Optional.of((Boolean) v);
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  OptionalLong integer(String key, long min, long max, String fallback) {
    OptionalDouble d = finiteNumber(key, "an integer", fallback);
    if (d.isEmpty()) {
      return OptionalLong.empty();
    }
    double value = d.getAsDouble();
    if (value != Math.rint(value)) {
      report(key, "expected an integer, found " + DocValues.describe(value), fallback);
      return OptionalLong.empty();
    }
    if (value < min || value > max) {
      report(key, "must be from " + min + " to " + max + ", found " + JsNumber.toString(value), fallback);
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) value);
  }

  /** Any number from {@code min} to {@code max}, both included. */
  OptionalDouble number(String key, double min, double max, String fallback) {
    OptionalDouble d = finiteNumber(key, "a number", fallback);
    if (d.isPresent() && (d.getAsDouble() < min || d.getAsDouble() > max)) {
      report(key, "must be from " + JsNumber.toString(min) + " to " + JsNumber.toString(max) + ", found "
          + JsNumber.toString(d.getAsDouble()), fallback);
      return OptionalDouble.empty();
    }
    return d;
  }

  private OptionalDouble finiteNumber(String key, String expected, String fallback) {
    if (!isPresent(key, fallback)) {
      return OptionalDouble.empty();
    }
    Object v = fields.get(key);
    if (!(v instanceof Number) || v instanceof BigInteger) {
      report(key, "expected " + expected + ", found " + DocValues.describe(v), fallback);
      return OptionalDouble.empty();
    }
    double d = ((Number) v).doubleValue();
    if (!Double.isFinite(d)) {
      report(key, "expected " + expected + ", found " + JsNumber.toString(d), fallback);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(d);
  }

  private boolean isPresent(String key, String fallback) {
    if (!fields.containsKey(key)) {
      report(key, "missing", fallback);
      return false;
    }
    return true;
  }
}
