package org.ensemble.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads typed settings from the configuration file's JSON, each overridden by its environment
 * variable ({@code ENSEMBLE_} and the key in upper snake case: {@code dataDir} is
 * {@code ENSEMBLE_DATA_DIR}, {@code limits.maxMessageBytes} is {@code ENSEMBLE_LIMITS_MAX_MESSAGE_BYTES}).
 * A value of the wrong type or out of range, and a key in the file that no setting reads, are
 * refused with a {@link ConfigException} that names the key and where it came from.
 */
final class SettingsReader {
  private final JsonObject json;
  private final Map<String, String> env;
  /** "limits." inside the limits object; "" at the top. */
  private final String path;
  private final Set<String> known = new LinkedHashSet<>();

  SettingsReader(JsonObject json, Map<String, String> env) {
    this(json, env, "");
  }

  private SettingsReader(JsonObject json, Map<String, String> env, String path) {
    this.json = json;
    this.env = env;
    this.path = path;
  }

  /** The environment variable that overrides {@code key} here. */
  String variable(String key) {
    String full = path + key;
    return "ENSEMBLE_" + Arrays.stream(full.split("\\."))
        .map(part -> part.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT))
        .collect(Collectors.joining("_"));
  }

  /** The object setting {@code key} (absent: empty), read with the same rules. */
  SettingsReader object(String key) {
    known.add(key);
    Object v = json.getValue(key);
    if (v != null && !(v instanceof JsonObject)) {
      throw new ConfigException(where(key, false) + " must be an object of settings, not " + show(v));
    }
    return new SettingsReader(v == null ? new JsonObject() : (JsonObject) v, env, path + key + ".");
  }

  String string(String key, String fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    String s = v instanceof EnvValue e ? e.text : v instanceof String t ? t : null;
    if (s == null || s.isBlank()) {
      throw new ConfigException(where(key) + " must be a non-empty string, not " + show(v));
    }
    return s.trim();
  }

  long number(String key, long fallback, long min, long max) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v instanceof Integer || v instanceof Long) {
      n = ((Number) v).longValue();
    } else if (v instanceof EnvValue e && e.text.trim().matches("-?\\d{1,18}")) {
      n = Long.parseLong(e.text.trim());
    } else {
      throw new ConfigException(where(key) + " must be a whole number from " + min + " to " + max + ", not " + show(v));
    }
    if (n < min || n > max) {
      throw new ConfigException(where(key) + " must be from " + min + " to " + max + ", not " + n);
    }
    return n;
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) number(key, fallback, min, max);
  }

  boolean bool(String key, boolean fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof EnvValue e && (e.text.trim().equalsIgnoreCase("true") || e.text.trim().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(e.text.trim());
    }
    throw new ConfigException(where(key) + " must be true or false, not " + show(v));
  }

  /** One of {@code choices}' constants, written in lower case. */
  <E extends Enum<E>> E choice(String key, Class<E> choices, E fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    String names = Arrays.stream(choices.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" | "));
    String s = v instanceof EnvValue ev ? ev.text : v instanceof String t ? t : null;
    if (s != null) {
      for (E e : choices.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(s.trim())) {
          return e;
        }
      }
    }
    throw new ConfigException(where(key) + " must be one of " + names + ", not " + show(v));
  }

  /** A list of strings: a JSON array in the file, comma-separated in the environment. */
  List<String> strings(String key, List<String> fallback) {
    known.add(key);
    String e = env.get(variable(key));
    if (e != null && !e.isBlank()) {
      return Arrays.stream(e.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    Object v = json.getValue(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof JsonArray list) || !list.stream().allMatch(o -> o instanceof String)) {
      throw new ConfigException(where(key, false) + " must be a list of strings, not " + show(v));
    }
    List<String> out = new ArrayList<>();
    list.forEach(o -> out.add(((String) o).trim()));
    return List.copyOf(out);
  }

  /** Refuses keys in the file that no setting read (a typo would otherwise be ignored silently). */
  void refuseUnknownKeys() {
    Set<String> unknown = new TreeSet<>(json.fieldNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      String key = unknown.iterator().next();
      throw new ConfigException("unknown setting \"" + path + key + "\" in the configuration file (known here: "
          + String.join(", ", known) + "; see docs/configuration.md)");
    }
  }

  /** The environment's value if set, else the file's; null when neither has one. */
  private Object raw(String key) {
    known.add(key);
    String e = env.get(variable(key));
    if (e != null && !e.isBlank()) {
      return new EnvValue(e);
    }
    return json.getValue(key);
  }

  private String where(String key) {
    String e = env.get(variable(key));
    return where(key, e != null && !e.isBlank());
  }

  private String where(String key, boolean fromEnv) {
    return fromEnv ? "setting \"" + path + key + "\" (from " + variable(key) + ")"
        : "setting \"" + path + key + "\"";
  }

  private static String show(Object v) {
    if (v instanceof EnvValue e) {
      return "\"" + e.text + "\"";
    }
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  /** A value from the environment: always text, parsed by the type asked for. */
  private static final class EnvValue {
    final String text;

    EnvValue(String text) {
      this.text = text;
    }
  }
}
