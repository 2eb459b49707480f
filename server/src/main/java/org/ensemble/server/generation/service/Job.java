package org.ensemble.server.generation.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.server.auth.UserIdentity;

/**
 * One generation request's life: queued, running (with progress), writing its suggestions, then
 * done, failed or cancelled. Written by one worker thread, read by the event loop: fields are volatile.
 * Every change counts up its {@link #version}, so that a {@link JobDirectory} keeps the latest state
 * when records of it arrive out of order.
 */
public final class Job {
  public enum Status { QUEUED, RUNNING, WRITING, DONE, FAILED, CANCELLED }

  private final String id;
  private final String projectId;
  private final UserIdentity requestedBy;
  private final GenerationPlan plan;
  private final Instant createdAt = Instant.now();
  private volatile Status status = Status.QUEUED;
  private volatile int sweepsDone;
  private volatile int sweeps;
  private volatile boolean cancelRequested;
  private volatile List<String> suggestionIds = List.of();
  private volatile String error;
  private volatile Instant finishedAt;
  private volatile long samplingMillis = -1;
  private long version;

  Job(String id, String projectId, UserIdentity requestedBy, GenerationPlan plan) {
    this.id = id;
    this.projectId = projectId;
    this.requestedBy = requestedBy;
    this.plan = plan;
    this.sweeps = plan.controls().gibbsSteps();
  }

  public String id() {
    return id;
  }

  public String projectId() {
    return projectId;
  }

  public UserIdentity requestedBy() {
    return requestedBy;
  }

  GenerationPlan plan() {
    return plan;
  }

  public Status status() {
    return status;
  }

  public List<String> suggestionIds() {
    return suggestionIds;
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  void requestCancel() {
    cancelRequested = true;
  }

  synchronized void running() {
    version++;
    status = Status.RUNNING;
  }

  synchronized void progress(int done, int total) {
    version++;
    sweepsDone = done;
    sweeps = total;
  }

  synchronized void writing(long millis) {
    version++;
    samplingMillis = millis;
    status = Status.WRITING;
  }

  synchronized void done(List<String> suggestions) {
    version++;
    suggestionIds = List.copyOf(suggestions);
    finish(Status.DONE);
  }

  synchronized void failed(String reason) {
    version++;
    error = reason;
    finish(Status.FAILED);
  }

  synchronized void cancelled() {
    version++;
    finish(Status.CANCELLED);
  }

  public boolean finished() {
    Status s = status;
    return s == Status.DONE || s == Status.FAILED || s == Status.CANCELLED;
  }

  /** The job's state now, with the version of its last change. */
  synchronized Snapshot snapshot() {
    return new Snapshot(version, toJson());
  }

  /** A job's state at one change: {@code version} counts its changes. */
  record Snapshot(long version, JsonObject json) {}

  private void finish(Status s) {
    finishedAt = Instant.now();
    status = s;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("projectId", projectId)
        .put("status", status.name().toLowerCase(java.util.Locale.ROOT))
        .put("progress", sweeps == 0 ? 0 : Math.round(1000.0 * sweepsDone / sweeps) / 1000.0)
        .put("sweepsDone", sweepsDone).put("sweeps", sweeps)
        .put("requestedBy", new JsonObject().put("id", requestedBy.id()).put("name", requestedBy.name()))
        .put("request", plan.request().toJson())
        .put("suggestions", new JsonArray(List.copyOf(suggestionIds)))
        .put("createdAt", createdAt.toString());
    if (samplingMillis >= 0) {
      json.put("samplingMillis", samplingMillis);
    }
    if (finishedAt != null) {
      json.put("finishedAt", finishedAt.toString());
    }
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }
}
