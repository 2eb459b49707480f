package org.ensemble.server.generation.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The jobs of one server, in memory: the last {@value #KEPT_JOBS} recorded, not across restarts. All
 * jobs run here, so there is nothing to cancel elsewhere.
 */
public final class LocalJobDirectory implements JobDirectory {
  /** Jobs kept for status requests (the oldest recorded go first). */
  static final int KEPT_JOBS = 1000;

  private final Map<String, Recorded> jobs = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
      return size() > KEPT_JOBS;
    }
  };

  private record Recorded(long version, JsonObject state) {}

  @Override
  public Future<Void> record(String jobId, long version, JsonObject state) {
    synchronized (jobs) {
      Recorded before = jobs.get(jobId);
      if (before == null || before.version() < version) {
        jobs.put(jobId, new Recorded(version, state.copy()));
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<JsonObject>> find(String jobId) {
    synchronized (jobs) {
      Recorded r = jobs.get(jobId);
      return Future.succeededFuture(Optional.ofNullable(r).map(x -> x.state().copy()));
    }
  }

  @Override
  public Future<Optional<JsonObject>> cancelElsewhere(String jobId) {
    return find(jobId);
  }

  @Override
  public void serveCancels(Function<String, Optional<JsonObject>> cancelHere) {
    // one server: every cancel request reaches the server that runs the job
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
