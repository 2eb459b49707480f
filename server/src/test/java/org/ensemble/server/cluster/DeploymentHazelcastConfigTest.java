package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ensemble.server.config.ClusterConfig;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.infra.Deployments;
import org.ensemble.server.infra.InfraFiles;
import org.junit.jupiter.api.Test;

/**
 * The Hazelcast configuration a node of each deployment in infra/ would start with: its environment
 * read by ServerConfig, its Hazelcast file (from infra/hazelcast, where the deployment mounts it)
 * loaded and the settings applied over it by {@link HazelcastSettings}. Nothing is started.
 */
class DeploymentHazelcastConfigTest {

  private static Config hazelcastFor(Map<String, String> deploymentEnv, String mountedPath, String infraFile) {
    Map<String, String> env = new TreeMap<>(deploymentEnv);
    assertEquals(mountedPath, env.get("ENSEMBLE_CLUSTER_HAZELCAST_CONFIG"), "where the deployment mounts the file");
    env.put("ENSEMBLE_CLUSTER_HAZELCAST_CONFIG", InfraFiles.file(infraFile).toString());
    ClusterConfig cluster = ServerConfig.from(new JsonObject(), env).cluster();
    assertTrue(cluster.enabled());
    assertEquals(2, cluster.effectiveQuorum(), "a majority of three");
    return HazelcastSettings.of(cluster);
  }

  @Test
  void aComposeNodeJoinsTheOtherTwoByNameAndAdvertisesItsOwn() {
    List<String> volumes = InfraFiles.at(Deployments.composeServices(), "ensemble-2", "volumes");
    assertTrue(volumes.contains("../hazelcast/hazelcast-tcp.yaml:/etc/ensemble/hazelcast.yaml:ro"), "volumes: " + volumes);
    Config config = hazelcastFor(Deployments.composeNode("ensemble-2"), "/etc/ensemble/hazelcast.yaml",
        "hazelcast/hazelcast-tcp.yaml");
    assertTimingsAndNoMulticast(config);
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertFalse(join.getKubernetesConfig().isEnabled());
    assertEquals(List.of("ensemble-1:5701", "ensemble-2:5701", "ensemble-3:5701"), join.getTcpIpConfig().getMembers());
    assertEquals("ensemble-2", config.getProperty("hazelcast.local.localAddress"));
    assertEquals("ensemble-2:5701", config.getNetworkConfig().getPublicAddress());
  }

  @Test
  void aSystemdNodeJoinsItsMemberListAtItsOwnAddress() {
    Config config = hazelcastFor(Deployments.systemd(), "/etc/ensemble/hazelcast.yaml", "hazelcast/hazelcast-tcp.yaml");
    assertTimingsAndNoMulticast(config);
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertTrue(join.getTcpIpConfig().isEnabled());
    // The environment's member list replaces the file's compose names.
    assertEquals(List.of("10.0.0.11:5701", "10.0.0.12:5701", "10.0.0.13:5701"), join.getTcpIpConfig().getMembers());
    assertEquals("10.0.0.11", config.getProperty("hazelcast.local.localAddress"));
  }

  @Test
  void aKubernetesPodDiscoversTheOthersThroughTheHeadlessServiceOfItsNamespace() {
    Map<String, String> fields = Map.of("metadata.namespace", "ensemble", "metadata.name", "ensemble-0",
        "status.podIP", "10.244.1.7");
    Config config = hazelcastFor(Deployments.kubernetes(fields), "/etc/ensemble/hazelcast/hazelcast.yaml",
        "hazelcast/hazelcast-kubernetes.yaml");
    assertTimingsAndNoMulticast(config);
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertFalse(join.getTcpIpConfig().isEnabled());
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertEquals("ensemble-hazelcast", join.getKubernetesConfig().getProperty("service-name"));
    assertEquals("ensemble", join.getKubernetesConfig().getProperty("namespace"));
    assertEquals("5701", join.getKubernetesConfig().getProperty("service-port"), "the file's port of the two the Service has");
    // Hazelcast refuses service-dns beside service-name when discovery starts.
    assertNull(join.getKubernetesConfig().getProperty("service-dns"));
    assertEquals("10.244.1.7", config.getProperty("hazelcast.local.localAddress"));
    assertEquals("10.244.1.7:5701", config.getNetworkConfig().getPublicAddress());
  }

  private static void assertTimingsAndNoMulticast(Config config) {
    assertEquals("ensemble", config.getClusterName());
    assertFalse(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
    HazelcastProperties properties = new HazelcastProperties(config);
    assertEquals(1, properties.getInteger(ClusterProperty.HEARTBEAT_INTERVAL_SECONDS));
    assertEquals(5, properties.getInteger(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS));
    assertFalse(properties.getBoolean(ClusterProperty.SHUTDOWNHOOK_ENABLED));
  }
}
