package org.ensemble.loadtest.metrics;

/**
 * The one clock of a load run: microseconds since this JVM's clock origin, from
 * {@link System#nanoTime()}. Every client of a run lives in this JVM, so an edit's send time written
 * into the document and the receive time taken by another client are read from the same clock.
 */
public final class Clock {
  private static final long ORIGIN = System.nanoTime();

  private Clock() {}

  public static long micros() {
    return (System.nanoTime() - ORIGIN) / 1_000;
  }
}
