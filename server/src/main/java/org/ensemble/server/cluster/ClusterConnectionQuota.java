package org.ensemble.server.cluster;

import io.vertx.core.Future;
import org.ensemble.server.sync.ConnectionQuota;

/** Each user's open connections counted over the whole cluster: at most the limit on all nodes together. */
public final class ClusterConnectionQuota implements ConnectionQuota {
  static final String MAP = "ensemble.connections-per-user";

  private final ClusterUserCounts counts;

  private ClusterConnectionQuota(ClusterUserCounts counts) {
    this.counts = counts;
  }

  public static Future<ClusterConnectionQuota> start(ClusterNode node, int limit) {
    return ClusterUserCounts.start(node, MAP, limit).map(ClusterConnectionQuota::new);
  }

  @Override
  public Future<Boolean> tryOpen(String userId) {
    return counts.take(userId);
  }

  @Override
  public void closed(String userId) {
    counts.giveBack(userId, "connection");
  }

  @Override
  public int limit() {
    return counts.limit();
  }
}
