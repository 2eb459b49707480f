package org.ensemble.cowriter.model;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine offline with a fixed number of OpenMP threads. Must run before the
 * engine's first use: PyTorch reads the setting once. Inference uses one thread per worker thread,
 * since OpenMP threads that spin-wait on a shared CPU made latency 10–50× worse (FIELD-NOTES).
 */
public final class Engines {
  private Engines() {}

  public static synchronized Engine pyTorch(int threads) {
    System.setProperty("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    return Engine.getEngine("PyTorch");
  }

  /** The engine the model runs on, in words, for a log line: its name, version and device. */
  public static String describe() {
    Engine engine = Engine.getEngine("PyTorch");
    return engine.getEngineName() + " " + engine.getVersion() + " on "
        + (engine.getGpuCount() > 0 ? engine.getGpuCount() + " GPU(s)" : "the CPU");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
