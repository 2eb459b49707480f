package org.ensemble.server.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ensemble.server.config.ClusterConfig;
import org.junit.jupiter.api.Test;

/**
 * infra/hazelcast/*.yaml, read by Hazelcast's own loader (which checks them against its schema and
 * refuses unknown keys): the cluster's name, no multicast, the join each file is for, and failure
 * detection in seconds, with the server's defaults for the same timings.
 */
class HazelcastFilesTest {

  private static Config load(String file) throws Exception {
    return Config.loadFromFile(InfraFiles.file(file).toFile());
  }

  @Test
  void theTcpFileJoinsTheComposeNodesByTheirMemberList() throws Exception {
    Config config = load("hazelcast/hazelcast-tcp.yaml");
    assertCommonSettings(config);
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertTrue(join.getTcpIpConfig().isEnabled(), "tcp-ip join is on");
    assertFalse(join.getKubernetesConfig().isEnabled(), "no Kubernetes discovery");
    // The compose file's nodes, on the member port, are the list, as the compose file says to the server.
    Map<String, Object> compose = InfraFiles.yaml(InfraFiles.file("compose/docker-compose.yml"));
    Map<String, Object> services = InfraFiles.at(compose, "services");
    List<String> nodes = services.keySet().stream().filter(s -> s.startsWith("ensemble-")).sorted().toList();
    assertEquals(List.of("ensemble-1", "ensemble-2", "ensemble-3"), nodes);
    List<String> expected = nodes.stream().map(n -> n + ":" + ClusterConfig.DEFAULT_PORT).toList();
    assertEquals(expected, join.getTcpIpConfig().getMembers());
    for (String node : nodes) {
      String members = InfraFiles.at(services, node, "environment", "ENSEMBLE_CLUSTER_MEMBERS");
      assertEquals(expected, Arrays.stream(members.split(",")).map(String::trim).toList(), node + "'s member list");
    }
  }

  @Test
  void theKubernetesFileDiscoversPodsThroughTheHeadlessService() throws Exception {
    Config config = load("hazelcast/hazelcast-kubernetes.yaml");
    assertCommonSettings(config);
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertTrue(join.getKubernetesConfig().isEnabled(), "Kubernetes discovery is on");
    assertFalse(join.getTcpIpConfig().isEnabled(), "no tcp-ip member list");
    KubernetesManifests k8s = KubernetesManifests.load();
    Map<String, Object> headless = k8s.headlessService();
    assertEquals(InfraFiles.at(headless, "metadata", "name"), join.getKubernetesConfig().getProperty("service-name"));
    assertEquals(k8s.namespace(), join.getKubernetesConfig().getProperty("namespace"));
    assertEquals(String.valueOf(ClusterConfig.DEFAULT_PORT), join.getKubernetesConfig().getProperty("service-port"));
    assertEquals("true", join.getKubernetesConfig().getProperty("resolve-not-ready-addresses"));
  }

  /** What both files must say, checked through Hazelcast's own reading of its properties. */
  private static void assertCommonSettings(Config config) {
    assertEquals("ensemble", config.getClusterName());
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled(), "multicast is off");
    assertFalse(join.getAutoDetectionConfig().isEnabled(), "auto-detection is off");
    assertEquals(ClusterConfig.DEFAULT_PORT, config.getNetworkConfig().getPort());
    assertFalse(config.getNetworkConfig().isPortAutoIncrement(), "a taken port fails the start");

    HazelcastProperties properties = new HazelcastProperties(config);
    assertEquals(ClusterConfig.DEFAULT_HEARTBEAT_SECONDS, properties.getInteger(ClusterProperty.HEARTBEAT_INTERVAL_SECONDS));
    assertEquals(ClusterConfig.DEFAULT_FAILURE_SECONDS, properties.getInteger(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS));
    assertFalse(properties.getBoolean(ClusterProperty.SHUTDOWNHOOK_ENABLED), "the server's own hook drains first");
    assertFalse(properties.getBoolean(ClusterProperty.PHONE_HOME_ENABLED));

    // Vert.x's event bus subscriptions: a set per address, kept on a second member.
    MultiMapConfig subscriptions = config.getMultiMapConfigs().get("__vertx.subs");
    assertNotNull(subscriptions, "__vertx.subs is configured");
    assertEquals(MultiMapConfig.ValueCollectionType.SET, subscriptions.getValueCollectionType());
    assertEquals(1, subscriptions.getBackupCount());
    for (String map : List.of("__vertx.haInfo", "__vertx.nodeInfo")) {
      assertNotNull(config.getMapConfigs().get(map), map + " is configured");
      assertEquals(1, config.getMapConfigs().get(map).getBackupCount(), map);
    }
  }
}
