package org.ensemble.server.generation.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of the generation service, from {@code ENSEMBLE_GENERATION_*} environment variables or
 * the matching {@code ensemble.generation.*} system properties (tests set those).
 *
 * @param modelDir      the trained model's folder (spec, weights, model card)
 * @param workers       inference threads; each has its own predictor and one OpenMP thread
 * @param queueCapacity jobs that may wait; one more is refused with 429
 * @param perUser       jobs one user may have queued or running at once
 */
public record GenerationConfig(Path modelDir, int workers, int queueCapacity, int perUser) {
  public static final String DEFAULT_MODEL_DIR = "models/chorale";
  public static final int DEFAULT_WORKERS = 1;
  public static final int DEFAULT_QUEUE_CAPACITY = 16;
  public static final int DEFAULT_PER_USER = 2;

  public GenerationConfig {
    if (workers < 1 || queueCapacity < 1 || perUser < 1) {
      throw new IllegalArgumentException("generation needs at least one worker, queue place and job per user");
    }
  }

  public static GenerationConfig from(Map<String, String> env, Properties properties) {
    return new GenerationConfig(
        Path.of(setting(env, properties, "MODEL_DIR", "modelDir", DEFAULT_MODEL_DIR)),
        Integer.parseInt(setting(env, properties, "WORKERS", "workers", Integer.toString(DEFAULT_WORKERS))),
        Integer.parseInt(setting(env, properties, "QUEUE", "queue", Integer.toString(DEFAULT_QUEUE_CAPACITY))),
        Integer.parseInt(setting(env, properties, "PER_USER", "perUser", Integer.toString(DEFAULT_PER_USER))));
  }

  private static String setting(Map<String, String> env, Properties properties, String envName, String propertyName,
                                String fallback) {
    String property = properties.getProperty("ensemble.generation." + propertyName);
    return property != null ? property : env.getOrDefault("ENSEMBLE_GENERATION_" + envName, fallback);
  }
}
