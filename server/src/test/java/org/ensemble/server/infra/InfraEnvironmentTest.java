package org.ensemble.server.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ensemble.server.config.ConfigException;
import org.ensemble.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ENSEMBLE_*} variable that infra/ sets is one the server reads, with a value it accepts.
 * What the server reads is recorded from {@code ServerConfig.from} itself, given the environment each
 * deployment gives a node (the image's ENV lines under compose and Kubernetes, the EnvironmentFile and
 * the unit's Environment= under systemd), so that a setting read only in some cases (Kubernetes
 * discovery) is asked for. A value the files leave to the deployment (a secret, the pod's address) is
 * given as a stand-in string.
 */
class InfraEnvironmentTest {
  /** A variable's name, not a prefix such as "ENSEMBLE_CLUSTER_*" that a text may mention. */
  private static final Pattern VARIABLE = Pattern.compile("ENSEMBLE_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*])");
  private static final String STAND_IN = "stand-in-for-a-value-given-at-deployment";

  @Test
  void theSystemdNodeSetsOnlySettingsTheServerReadsWithValuesItAccepts() {
    Map<String, String> env = new TreeMap<>(envFile(InfraFiles.file("systemd/ensemble.env")));
    env.putAll(unitEnvironment(InfraFiles.file("systemd/ensemble.service")));
    assertReadAndAccepted("infra/systemd (ensemble.env and ensemble.service)", env);
  }

  @Test
  void theImageSetsOnlySettingsTheServerReads() {
    assertReadAndAccepted("infra/container/Dockerfile", dockerfileEnv());
  }

  @Test
  void eachComposeNodeSetsOnlySettingsTheServerReadsWithValuesItAccepts() {
    Map<String, Object> services = InfraFiles.at(InfraFiles.yaml(InfraFiles.file("compose/docker-compose.yml")), "services");
    int nodes = 0;
    for (Map.Entry<String, Object> service : services.entrySet()) {
      Map<String, Object> environment = InfraFiles.at(service.getValue(), "environment");
      if (!"infra/container/Dockerfile".equals(InfraFiles.at(service.getValue(), "build", "dockerfile"))) {
        assertTrue(environment == null || environment.keySet().stream().noneMatch(k -> k.startsWith("ENSEMBLE_")),
            service.getKey() + " is not an Ensemble node but sets ENSEMBLE_ variables");
        continue;
      }
      nodes++;
      Map<String, String> env = new TreeMap<>(dockerfileEnv());
      environment.forEach((k, v) -> env.put(k, String.valueOf(v).startsWith("${") ? STAND_IN : String.valueOf(v)));
      assertReadAndAccepted("compose service " + service.getKey(), env);
    }
    assertEquals(3, nodes, "three Ensemble nodes in the compose file");
  }

  @Test
  void theKubernetesNodesSetOnlySettingsTheServerReadsWithValuesItAccepts() {
    Map<String, String> env = new TreeMap<>(dockerfileEnv());
    List<Map<String, Object>> entries = InfraFiles.at(KubernetesManifests.load().ensembleContainer(), "env");
    for (Map<String, Object> e : entries) {
      Object value = e.get("value");
      if (value != null) {
        // Kubernetes takes only strings here: an unquoted 5701 or true is refused when applied.
        assertInstanceOf(String.class, value, e.get("name") + "'s value must be a quoted string");
      }
      env.put((String) e.get("name"), value != null ? (String) value : STAND_IN);
    }
    assertReadAndAccepted("infra/kubernetes ensemble container", env);
  }

  /** Mentions too: a README or a comment naming a variable the server does not read misleads. */
  @Test
  void everyVariableNamedAnywhereInInfraIsOneTheServerReads() {
    Set<String> read = new TreeSet<>(readWith(Map.of()));
    Map<String, Set<String>> unread = new TreeMap<>();
    for (Path file : InfraFiles.all()) {
      Matcher m = VARIABLE.matcher(InfraFiles.text(file));
      while (m.find()) {
        String name = m.group();
        if (!read.contains(name) && !readByAnyDeployment(name)) {
          unread.computeIfAbsent(InfraFiles.dir().relativize(file).toString(), f -> new TreeSet<>()).add(name);
        }
      }
    }
    assertTrue(unread.isEmpty(), "named in infra/ but not read by the server: " + unread);
  }

  private static boolean readByAnyDeployment(String name) {
    Map<String, String> systemd = new TreeMap<>(envFile(InfraFiles.file("systemd/ensemble.env")));
    // With the cluster on and Kubernetes discovery: the settings read only then are asked for too.
    Map<String, String> kubernetes = Map.of("ENSEMBLE_STORE", "redis", "ENSEMBLE_CLUSTER_ENABLED", "true",
        "ENSEMBLE_CLUSTER_DISCOVERY", "kubernetes", "ENSEMBLE_CLUSTER_KUBERNETES_SERVICE", STAND_IN);
    return readWith(systemd).contains(name) || readWith(kubernetes).contains(name);
  }

  private static void assertReadAndAccepted(String where, Map<String, String> env) {
    Set<String> read;
    try {
      read = readWith(env);
    } catch (ConfigException e) {
      fail(where + " sets a value the server refuses: " + e.getMessage());
      return;
    }
    Set<String> unread = new TreeSet<>();
    env.keySet().stream().filter(k -> k.startsWith("ENSEMBLE_") && !read.contains(k)).forEach(unread::add);
    assertTrue(unread.isEmpty(), where + " sets variables the server does not read: " + unread);
    assertTrue(env.keySet().stream().anyMatch(k -> k.startsWith("ENSEMBLE_")), where + " sets settings at all");
  }

  private static Set<String> readWith(Map<String, String> env) {
    RecordingEnvironment recording = new RecordingEnvironment(env);
    ServerConfig.from(new JsonObject(), recording);
    return recording.asked();
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
      assertTrue(eq > 0 && t.substring(0, eq).matches("[A-Z_][A-Z0-9_]*"), file.getFileName() + ": not KEY=VALUE: " + t);
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

  /** The Dockerfile's ENV instructions (KEY=VALUE words, continued over lines ending in a backslash). */
  private static Map<String, String> dockerfileEnv() {
    String joined = InfraFiles.text(InfraFiles.file("container/Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : joined.split("\n")) {
      if (line.startsWith("ENV ")) {
        for (String word : line.substring(4).trim().split("\\s+")) {
          int eq = word.indexOf('=');
          assertTrue(eq > 0, "Dockerfile ENV words are KEY=VALUE: " + word);
          env.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
    }
    return env;
  }
}
