package org.ensemble.server.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
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

  @Test
  void theSystemdNodeSetsOnlySettingsTheServerReadsWithValuesItAccepts() {
    assertReadAndAccepted("infra/systemd (ensemble.env and ensemble.service)", Deployments.systemd());
  }

  @Test
  void theImageSetsOnlySettingsTheServerReads() {
    assertReadAndAccepted("infra/container/Dockerfile", Deployments.image());
  }

  @Test
  void eachComposeNodeSetsOnlySettingsTheServerReadsWithValuesItAccepts() {
    int nodes = 0;
    for (Map.Entry<String, Object> service : Deployments.composeServices().entrySet()) {
      if (!Deployments.isEnsembleNode(service.getValue())) {
        Map<String, Object> environment = InfraFiles.at(service.getValue(), "environment");
        assertTrue(environment == null || environment.keySet().stream().noneMatch(k -> k.startsWith("ENSEMBLE_")),
            service.getKey() + " is not an Ensemble node but sets ENSEMBLE_ variables");
        continue;
      }
      nodes++;
      assertReadAndAccepted("compose service " + service.getKey(), Deployments.composeNode(service.getKey()));
    }
    assertEquals(3, nodes, "three Ensemble nodes in the compose file");
  }

  @Test
  void theKubernetesNodesSetOnlySettingsTheServerReadsWithValuesItAccepts() {
    assertReadAndAccepted("infra/kubernetes ensemble container", Deployments.kubernetes(Map.of()));
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
    Map<String, String> systemd = Deployments.systemd();
    // With the cluster on and Kubernetes discovery: the settings read only then are asked for too.
    Map<String, String> kubernetes = Map.of("ENSEMBLE_STORE", "redis", "ENSEMBLE_CLUSTER_ENABLED", "true",
        "ENSEMBLE_CLUSTER_DISCOVERY", "kubernetes", "ENSEMBLE_CLUSTER_KUBERNETES_SERVICE", Deployments.STAND_IN);
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
}
