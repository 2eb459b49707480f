package org.ensemble.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.ensemble.server.sync.ConnectionQuota;

/**
 * Each user's open connections counted over the whole cluster, in a Hazelcast map from user id to the
 * connections open on each node ({@link ConnectionCount}): a user holds at most the limit in all, on
 * whichever nodes. Calls use Hazelcast's asynchronous API, never blocking the event loop.
 */
public final class ClusterConnectionQuota implements ConnectionQuota {
  private static final Logger LOG = Logger.getLogger(ClusterConnectionQuota.class.getName());
  static final String MAP = "ensemble.connections-per-user";

  private final Vertx vertx;
  private final ClusterNode node;
  private final IMap<String, HashMap<String, Integer>> map;
  private final int limit;

  private ClusterConnectionQuota(ClusterNode node, IMap<String, HashMap<String, Integer>> map, int limit) {
    this.vertx = node.vertx();
    this.node = node;
    this.map = map;
    this.limit = limit;
  }

  /** Opens the map (a Hazelcast call that may block, so on a worker thread). */
  public static Future<ClusterConnectionQuota> start(ClusterNode node, int limit) {
    return node.vertx().executeBlocking(() -> new ClusterConnectionQuota(node,
        node.hazelcast().<String, HashMap<String, Integer>>getMap(MAP), limit), false);
  }

  @Override
  public Future<Boolean> tryOpen(String userId) {
    return Future.fromCompletionStage(map.submitToKey(userId, ConnectionCount.open(node.id(), limit, members())),
        vertx.getOrCreateContext());
  }

  @Override
  public void closed(String userId) {
    map.submitToKey(userId, ConnectionCount.close(node.id(), members())).whenComplete((counted, e) -> {
      if (e != null) {
        LOG.warning("a closed connection of " + userId + " was not counted off: " + e);
      }
    });
  }

  @Override
  public int limit() {
    return limit;
  }

  private Set<String> members() {
    Set<String> ids = new HashSet<>();
    for (Member m : node.hazelcast().getCluster().getMembers()) {
      ids.add(m.getUuid().toString());
    }
    return ids;
  }
}
