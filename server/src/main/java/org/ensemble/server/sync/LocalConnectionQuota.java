package org.ensemble.server.sync;

import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;

/** The connections per user of one server, counted in memory. */
public final class LocalConnectionQuota implements ConnectionQuota {
  private final int limit;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  public LocalConnectionQuota(int limit) {
    this.limit = limit;
  }

  @Override
  public Future<Boolean> tryOpen(String userId) {
    boolean[] counted = new boolean[1];
    open.compute(userId, (id, n) -> {
      int now = n == null ? 0 : n;
      counted[0] = now < limit;
      return counted[0] ? now + 1 : n;
    });
    return Future.succeededFuture(counted[0]);
  }

  @Override
  public void closed(String userId) {
    open.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
  }

  @Override
  public int limit() {
    return limit;
  }
}
