package org.ensemble.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import org.ensemble.server.config.ClusterConfig;

/**
 * Hazelcast's configuration for a node: the file named by {@code cluster.hazelcastConfig} (or Vert.x's
 * default), with Ensemble's cluster settings applied over it, so that every setting is still read in
 * one place and the deployment's file only adds to it.
 */
final class HazelcastSettings {
  private HazelcastSettings() {}

  static Config of(ClusterConfig c) {
    Config config = c.hazelcastConfig().map(path -> {
      try {
        return Config.loadFromFile(path.toFile());
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read the Hazelcast configuration " + path + ": " + e.getMessage(), e);
      }
    }).orElseGet(() -> {
      Config base = ConfigUtil.loadConfig();
      base.setClusterName("ensemble");
      return base;
    });
    addVertxStructures(config);
    // Noticed in seconds, not Hazelcast's default minute: a dead owner's rooms move that much sooner.
    config.setProperty("hazelcast.heartbeat.interval.seconds", Integer.toString(c.heartbeatSeconds()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(c.failureSeconds()));
    // A node joins as soon as it found the others instead of waiting 5-20 s for more to turn up.
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
    // The two sides of a healed partition merge within seconds.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // Vert.x leaves the cluster on close; Hazelcast's own hook would leave before the rooms drain.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.local.localAddress", c.host());

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(c.port()).setPortAutoIncrement(false);
    network.setPublicAddress(c.host() + ":" + c.port());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (c.discovery() == ClusterConfig.Discovery.KUBERNETES) {
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig().setEnabled(true).setProperty("service-name", c.kubernetesService());
      if (!c.kubernetesNamespace().isEmpty()) {
        join.getKubernetesConfig().setProperty("namespace", c.kubernetesNamespace());
      }
    } else {
      join.getKubernetesConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(true);
      if (!c.members().isEmpty()) {
        join.getTcpIpConfig().setMembers(c.members());
      }
    }
    return config;
  }

  /** The maps Vert.x's cluster manager keeps its subscriptions and nodes in, as its default file has them. */
  private static void addVertxStructures(Config config) {
    if (!config.getMultiMapConfigs().containsKey("__vertx.subs")) {
      config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
          .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    }
    for (String map : new String[] {"__vertx.haInfo", "__vertx.nodeInfo"}) {
      if (!config.getMapConfigs().containsKey(map)) {
        config.addMapConfig(new MapConfig(map).setBackupCount(1));
      }
    }
  }
}
