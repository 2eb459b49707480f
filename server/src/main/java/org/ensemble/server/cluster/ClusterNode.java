package org.ensemble.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ensemble.server.config.ClusterConfig;

/**
 * This process as a member of the cluster: a clustered Vert.x on Hazelcast, with the node's id (its
 * Hazelcast member id), its name, and the members it sees.
 */
public final class ClusterNode {
  private final Vertx vertx;
  private final HazelcastClusterManager manager;
  private final ClusterConfig config;
  private final String name;

  private ClusterNode(Vertx vertx, HazelcastClusterManager manager, ClusterConfig config, String name) {
    this.vertx = vertx;
    this.manager = manager;
    this.config = config;
    this.name = name;
  }

  /** Joins (or forms) the cluster; completes once this node is a member and its event bus listens. */
  public static Future<ClusterNode> start(VertxOptions options, ClusterConfig config, String name) {
    HazelcastClusterManager manager;
    try {
      manager = new HazelcastClusterManager(HazelcastSettings.of(config));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    options.setEventBusOptions(new EventBusOptions().setHost(config.host()).setPort(config.eventBusPort())
        .setClusterPublicHost(config.host()));
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered()
        .map(vertx -> new ClusterNode(vertx, manager, config, name));
  }

  public Vertx vertx() {
    return vertx;
  }

  HazelcastInstance hazelcast() {
    return manager.getHazelcastInstance();
  }

  /** The node's Hazelcast member id (what member lists and leases name it by). */
  public String id() {
    return hazelcast().getCluster().getLocalMember().getUuid().toString();
  }

  public String name() {
    return name;
  }

  ClusterConfig config() {
    return config;
  }

  /** Whether this node sees enough members to own rooms (it is not on the minority side of a split). */
  public boolean quorate() {
    return hazelcast().getCluster().getMembers().size() >= config.effectiveQuorum();
  }

  /** The members this node sees, as host:port. */
  public List<String> memberAddresses() {
    List<String> out = new ArrayList<>();
    for (Member m : hazelcast().getCluster().getMembers()) {
      out.add(m.getAddress().getHost() + ":" + m.getAddress().getPort());
    }
    return out;
  }

  /** Calls {@code listener} with a member's id when it leaves or is removed (on a Hazelcast thread). */
  void onMemberLeft(Consumer<String> listener) {
    hazelcast().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        listener.accept(event.getMember().getUuid().toString());
      }
    });
  }
}
