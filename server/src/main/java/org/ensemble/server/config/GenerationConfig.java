package org.ensemble.server.config;

import java.nio.file.Path;

/**
 * Settings of the generation service (read by {@code ServerConfig}, documented in
 * docs/configuration.md).
 *
 * @param load          when the model is loaded: never, on the first request, or at start
 * @param modelDir      the trained model's folder (spec, weights, model card)
 * @param workers       inference threads; each has its own predictor and one OpenMP thread
 * @param queueCapacity jobs that may wait; one more is refused with 429
 * @param perUser       jobs one user may have queued or running at once
 */
public record GenerationConfig(Load load, Path modelDir, int workers, int queueCapacity, int perUser) {
  public static final Load DEFAULT_LOAD = Load.EAGER;
  public static final String DEFAULT_MODEL_DIR = "models/chorale";
  public static final int DEFAULT_WORKERS = 1;
  public static final int DEFAULT_QUEUE_CAPACITY = 16;
  public static final int DEFAULT_PER_USER = 2;

  /** When the model is loaded (the {@code generation} setting). */
  public enum Load {
    /** Never: generation requests are answered 503; a node that only syncs pays nothing for the model. */
    OFF,
    /** On the first generation request, which waits for it. */
    LAZY,
    /** At start, in the background: the first request finds it ready. */
    EAGER
  }

  public GenerationConfig {
    if (workers < 1 || queueCapacity < 1 || perUser < 1) {
      throw new IllegalArgumentException("generation needs at least one worker, queue place and job per user");
    }
  }

  public static GenerationConfig defaults() {
    return new GenerationConfig(DEFAULT_LOAD, Path.of(DEFAULT_MODEL_DIR), DEFAULT_WORKERS, DEFAULT_QUEUE_CAPACITY,
        DEFAULT_PER_USER);
  }
}
