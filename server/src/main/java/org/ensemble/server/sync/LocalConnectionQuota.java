package org.ensemble.server.sync;

import io.vertx.core.Future;

/** The connections per user of one server, counted in memory. */
public final class LocalConnectionQuota implements ConnectionQuota {
  private final PerUserCounts open;

  public LocalConnectionQuota(int limit) {
    this.open = new PerUserCounts(limit);
  }

  @Override
  public Future<Boolean> tryOpen(String userId) {
    return Future.succeededFuture(open.take(userId));
  }

  @Override
  public void closed(String userId) {
    open.giveBack(userId);
  }

  @Override
  public int limit() {
    return open.limit();
  }
}
