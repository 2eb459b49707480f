package org.ensemble.server.sync;

import io.vertx.core.Future;

/**
 * How many connections one user may hold open at once ({@code limits.maxConnectionsPerUser}): the
 * endpoint asks before a connection joins its room and says when it closed. One server counts in
 * memory ({@link LocalConnectionQuota}); a cluster counts over all its nodes, so that a user cannot
 * hold the limit on every node.
 */
public interface ConnectionQuota {

  /**
   * Counts one more connection of {@code userId} when the user is under the limit: true when counted
   * (the caller must call {@link #closed} once it ends), false when at the limit. Completes on the
   * caller's context; fails only when the count could not be reached.
   */
  Future<Boolean> tryOpen(String userId);

  /** A connection counted by {@link #tryOpen} ended. */
  void closed(String userId);

  /** The most connections one user may hold, as the refusal names it. */
  int limit();
}
