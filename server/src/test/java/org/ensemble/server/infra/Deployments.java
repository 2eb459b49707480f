package org.ensemble.server.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment each deployment in infra/ gives an Ensemble node: the systemd unit with its
 * EnvironmentFile, a compose node over the image's ENV lines, the Kubernetes container over them. A
 * value the files leave to the deployment (a secret, the pod's address, a compose interpolation) is
 * given as {@link #STAND_IN}, or as what the deployment would fill in where a test needs it to mean
 * something ({@link #kubernetes(Map)}).
 */
public final class Deployments {
  public static final String STAND_IN = "stand-in-for-a-value-given-at-deployment";
  /** The compose file's image: the nodes built from infra/container/Dockerfile. */
  static final String DOCKERFILE = "infra/container/Dockerfile";

  private Deployments() {}

  /** infra/systemd/ensemble.env, then ensemble.service's Environment= lines. */
  public static Map<String, String> systemd() {
    Map<String, String> env = new TreeMap<>(envFile(InfraFiles.file("systemd/ensemble.env")));
    env.putAll(unitEnvironment(InfraFiles.file("systemd/ensemble.service")));
    return env;
  }

  /** The image's ENV lines alone. */
  public static Map<String, String> image() {
    String joined = InfraFiles.text(InfraFiles.file("container/Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : joined.split("\n")) {
      if (line.startsWith("ENV ")) {
        for (String word : line.substring(4).trim().split("\\s+")) {
          int eq = word.indexOf('=');
          if (eq <= 0) {
            throw new AssertionError("Dockerfile ENV words are KEY=VALUE: " + word);
          }
          env.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
    }
    return env;
  }

  /** The compose file's services. */
  public static Map<String, Object> composeServices() {
    return InfraFiles.at(InfraFiles.yaml(InfraFiles.file("compose/docker-compose.yml")), "services");
  }

  /** Whether a compose service runs Ensemble (is built from the image's Dockerfile). */
  public static boolean isEnsembleNode(Object service) {
    return DOCKERFILE.equals(InfraFiles.at(service, "build", "dockerfile"));
  }

  /** A compose node's environment over the image's. */
  public static Map<String, String> composeNode(String name) {
    Map<String, Object> environment = InfraFiles.at(composeServices(), name, "environment");
    Map<String, String> env = new TreeMap<>(image());
    environment.forEach((k, v) -> env.put(k, String.valueOf(v).startsWith("${") ? STAND_IN : String.valueOf(v)));
    return env;
  }

  /**
   * The Kubernetes container's environment over the image's; a {@code valueFrom} is given the value of
   * its field path in {@code fields} (e.g. {@code metadata.namespace}), else {@link #STAND_IN}.
   * Values must be strings, as Kubernetes requires.
   */
  public static Map<String, String> kubernetes(Map<String, String> fields) {
    Map<String, String> env = new TreeMap<>(image());
    List<Map<String, Object>> entries = InfraFiles.at(KubernetesManifests.load().ensembleContainer(), "env");
    for (Map<String, Object> e : entries) {
      Object value = e.get("value");
      if (value != null && !(value instanceof String)) {
        // Kubernetes takes only strings here: an unquoted 5701 or true is refused when applied.
        throw new AssertionError(e.get("name") + "'s value must be a quoted string, not " + value);
      }
      String field = InfraFiles.at(e, "valueFrom", "fieldRef", "fieldPath");
      String filled = field != null && fields.containsKey(field) ? fields.get(field) : STAND_IN;
      env.put((String) e.get("name"), value != null ? (String) value : filled);
    }
    return env;
  }

  /** KEY=VALUE lines, as systemd's EnvironmentFile= reads them (comments and blank lines skipped). */
  static Map<String, String> envFile(Path file) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : InfraFiles.text(file).split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0 || !t.substring(0, eq).matches("[A-Z_][A-Z0-9_]*")) {
        throw new AssertionError(file.getFileName() + ": not KEY=VALUE: " + t);
      }
      env.put(t.substring(0, eq), t.substring(eq + 1));
    }
    return env;
  }

  /** The unit's Environment= assignments (space-separated KEY=VALUE words, as ours are written). */
  private static Map<String, String> unitEnvironment(Path unit) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : InfraFiles.text(unit).split("\n")) {
      if (line.startsWith("Environment=")) {
        for (String word : line.substring("Environment=".length()).trim().split("\\s+")) {
          int eq = word.indexOf('=');
          env.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
    }
    return env;
  }
}
