package org.ensemble.server.generation.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where every generation job's latest state can be read, whichever server runs it: one server keeps
 * them in memory ({@link LocalJobDirectory}); a cluster keeps them where every node reads them, with
 * the node that runs each job, so that a client's next request may reach any node. No call blocks:
 * each may be made on the event loop or a worker thread.
 */
public interface JobDirectory {

  /**
   * Records a job this server runs, as it is at its change number {@code version}; an older version
   * arriving late changes nothing.
   */
  Future<Void> record(String jobId, long version, JsonObject state);

  /**
   * The job's last recorded state; a job not finished whose server stopped answers as failed, saying
   * so. Empty when no server knows the job.
   */
  Future<Optional<JsonObject>> find(String jobId);

  /**
   * Cancels a job this server does not run, at the server that runs it, and answers its state then
   * (a finished job's, unchanged). Empty when no server knows the job. Fails when the server that
   * runs it did not answer.
   */
  Future<Optional<JsonObject>> cancelElsewhere(String jobId);

  /**
   * How this server cancels a job it runs when another server asks: a job id gives the job's state
   * after the cancel request, or empty when this server does not run it (any more).
   */
  void serveCancels(Function<String, Optional<JsonObject>> cancelHere);

  /** Stops answering other servers. */
  Future<Void> close();
}
