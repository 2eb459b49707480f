package org.ensemble.cowriter.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows training progress: a bar redrawn in place on a terminal, or a line every few seconds when
 * the output goes to a file. Loss, throughput (steps and cells per second) and time left.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private final int total;
  private final long started = System.nanoTime();
  private long lastLine;

  public ProgressBar(PrintStream out, int total) {
    this.out = out;
    this.terminal = System.console() != null;
    this.total = total;
  }

  public void update(int step, double loss, double validation, long cells) {
    long now = System.nanoTime();
    boolean last = step == total;
    if (!terminal && !last && now - lastLine < LINE_INTERVAL_NANOS) {
      return;
    }
    lastLine = now;
    double seconds = (now - started) / 1e9;
    double stepsPerSecond = step / Math.max(seconds, 1e-9);
    int filled = (int) ((long) WIDTH * step / total);
    String line = String.format(Locale.ROOT, "[%s%s] %d/%d  loss %.3f  valid %s  %.2f steps/s  %,.0f cells/s  %s left",
        "#".repeat(filled), ".".repeat(WIDTH - filled), step, total, loss,
        Double.isNaN(validation) ? "-" : String.format(Locale.ROOT, "%.3f", validation),
        stepsPerSecond, cells / Math.max(seconds, 1e-9), clock((total - step) / Math.max(stepsPerSecond, 1e-9)));
    if (terminal) {
      out.print("\r" + line + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
