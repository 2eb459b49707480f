package org.ensemble.server.audio;

import java.nio.file.Path;
import java.util.Optional;

/** One audio export: whose, of which project, how far it is, and its file once done. */
public final class AudioRenderJob {
  /** Where a render stands. */
  public enum State { RENDERING, DONE, FAILED }

  private final String id;
  private final String projectId;
  private final String userId;
  private final String title;
  private final double seconds;
  private volatile double progress;
  private volatile State state = State.RENDERING;
  private volatile Path file;
  private volatile String error;

  AudioRenderJob(String id, String projectId, String userId, String title, double seconds) {
    this.id = id;
    this.projectId = projectId;
    this.userId = userId;
    this.title = title;
    this.seconds = seconds;
  }

  public String id() {
    return id;
  }

  public String projectId() {
    return projectId;
  }

  public String userId() {
    return userId;
  }

  /** The project's title when the render started: the file's name. */
  public String title() {
    return title;
  }

  /** The mix's length in seconds. */
  public double seconds() {
    return seconds;
  }

  /** The share rendered, 0 to 1. */
  public double progress() {
    return progress;
  }

  public State state() {
    return state;
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Why it failed (a sentence for the user; the details are in the server log). */
  public String error() {
    return error;
  }

  void progress(double share) {
    progress = share;
  }

  void finish(Path rendered) {
    file = rendered;
    progress = 1;
    state = State.DONE;
  }

  void fail(String reason) {
    error = reason;
    state = State.FAILED;
  }
}
