package org.ensemble.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What each user holds, counted over the whole cluster in one Hazelcast map from user id to the count
 * on each node ({@link UserCount}): a user holds at most the limit in all, on whichever nodes. Calls use
 * Hazelcast's asynchronous API, never blocking the event loop.
 */
final class ClusterUserCounts {
  private static final Logger LOG = Logger.getLogger(ClusterUserCounts.class.getName());

  private final Vertx vertx;
  private final ClusterNode node;
  private final IMap<String, HashMap<String, Integer>> map;
  private final int limit;

  private ClusterUserCounts(ClusterNode node, IMap<String, HashMap<String, Integer>> map, int limit) {
    this.vertx = node.vertx();
    this.node = node;
    this.map = map;
    this.limit = limit;
  }

  /** Opens the map (a Hazelcast call that may block, so on a worker thread). */
  static Future<ClusterUserCounts> start(ClusterNode node, String mapName, int limit) {
    return node.vertx().executeBlocking(() -> new ClusterUserCounts(node,
        node.hazelcast().<String, HashMap<String, Integer>>getMap(mapName), limit), false);
  }

  /** Counts one more for the user when under the limit; completes on the caller's context. */
  Future<Boolean> take(String userId) {
    return Future.fromCompletionStage(map.submitToKey(userId, UserCount.take(node.id(), limit, members())),
        vertx.getOrCreateContext());
  }

  /** Counts one off (what was taken ended); a failure is logged, and ends with this node anyway. */
  void giveBack(String userId, String what) {
    map.submitToKey(userId, UserCount.giveBack(node.id(), members())).whenComplete((counted, e) -> {
      if (e != null) {
        LOG.warning("a finished " + what + " of " + userId + " was not counted off: " + e);
      }
    });
  }

  int limit() {
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
