package org.ensemble.server.cluster;

import io.vertx.core.Future;
import org.ensemble.server.generation.service.JobQuota;

/**
 * Each user's generation jobs, queued or running, counted over the whole cluster: a user who asks
 * through several nodes still has at most the limit in all (the jobs of a node that died stop counting).
 */
public final class ClusterJobQuota implements JobQuota {
  static final String MAP = "ensemble.generation-jobs-per-user";

  private final ClusterUserCounts counts;

  private ClusterJobQuota(ClusterUserCounts counts) {
    this.counts = counts;
  }

  public static Future<ClusterJobQuota> start(ClusterNode node, int limit) {
    return ClusterUserCounts.start(node, MAP, limit).map(ClusterJobQuota::new);
  }

  @Override
  public Future<Boolean> tryStart(String userId) {
    return counts.take(userId);
  }

  @Override
  public void finished(String userId) {
    counts.giveBack(userId, "generation job");
  }
}
