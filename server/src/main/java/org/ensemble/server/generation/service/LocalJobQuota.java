package org.ensemble.server.generation.service;

import io.vertx.core.Future;
import org.ensemble.server.sync.PerUserCounts;

/** The generation jobs per user of one server, counted in memory. */
public final class LocalJobQuota implements JobQuota {
  private final PerUserCounts active;

  public LocalJobQuota(int limit) {
    this.active = new PerUserCounts(limit);
  }

  @Override
  public Future<Boolean> tryStart(String userId) {
    return Future.succeededFuture(active.take(userId));
  }

  @Override
  public void finished(String userId) {
    active.giveBack(userId);
  }
}
