package org.ensemble.loadtest.metrics;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples a process's resident memory from {@code /proc/<pid>/status}: {@code VmRSS} (now) and
 * {@code VmHWM} (the kernel's own high-water mark since the process started). The peak reported is
 * the larger of VmHWM and the highest sample.
 */
public final class MemorySampler {
  public static final long DEFAULT_PERIOD_MS = 200;

  private final long pid;
  private volatile long peakSampledKb;
  private long timer = -1;

  public MemorySampler(long pid) {
    this.pid = pid;
  }

  public void start(Vertx vertx, long periodMs) {
    sample();
    timer = vertx.setPeriodic(periodMs, id -> sample());
  }

  public void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    sample();
  }

  private void sample() {
    long rss = rssKb();
    if (rss > peakSampledKb) {
      peakSampledKb = rss;
    }
  }

  /** VmRSS now, in kB; -1 if the process is gone. */
  public long rssKb() {
    return field("VmRSS:");
  }

  /** The peak RSS seen so far (VmHWM or a sample), in kB. */
  public long peakKb() {
    return Math.max(field("VmHWM:"), peakSampledKb);
  }

  private long field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
