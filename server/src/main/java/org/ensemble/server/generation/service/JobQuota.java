package org.ensemble.server.generation.service;

import io.vertx.core.Future;

/**
 * How many generation jobs, queued or running, each user has: on one server ({@link LocalJobQuota}) or
 * over a cluster, where a user may ask through any node.
 */
public interface JobQuota {

  /**
   * Counts one more job of {@code userId} when the user is under the limit: true when counted (the
   * caller must call {@link #finished} once the job ends), false when at the limit.
   */
  Future<Boolean> tryStart(String userId);

  /** A job counted by {@link #tryStart} ended (done, failed, cancelled or refused after counting). */
  void finished(String userId);
}
