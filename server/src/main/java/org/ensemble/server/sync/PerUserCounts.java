package org.ensemble.server.sync;

import java.util.concurrent.ConcurrentHashMap;

/** What each user holds on this server (connections, jobs), counted in memory under one limit. */
public final class PerUserCounts {
  private final int limit;
  private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

  public PerUserCounts(int limit) {
    this.limit = limit;
  }

  /** Counts one more for the user when under the limit; answers whether it was counted. */
  public boolean take(String userId) {
    boolean[] counted = new boolean[1];
    held.compute(userId, (id, n) -> {
      int now = n == null ? 0 : n;
      counted[0] = now < limit;
      return counted[0] ? now + 1 : n;
    });
    return counted[0];
  }

  public void giveBack(String userId) {
    held.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
  }

  public int limit() {
    return limit;
  }
}
