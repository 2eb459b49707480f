package org.ensemble.loadtest.metrics;

import java.util.Arrays;

/**
 * A growable list of non-negative sample values (microseconds) with nearest-rank percentiles. Adding
 * is synchronized: the clients of a run record from a few event-loop threads.
 */
public final class Samples {
  private long[] values = new long[1024];
  private int size;

  public synchronized void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  public synchronized int size() {
    return size;
  }

  /** How many values lie in [from, to). */
  public synchronized long count(long from, long to) {
    long n = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] >= from && values[i] < to) {
        n++;
      }
    }
    return n;
  }

  /** A sorted copy, to read percentiles from. */
  public synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Summary(sorted);
  }

  /** Percentiles of a sorted sample. */
  public static final class Summary {
    private final long[] sorted;

    Summary(long[] sorted) {
      this.sorted = sorted;
    }

    public int count() {
      return sorted.length;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100); -1 when there are no samples. */
    public long percentile(double p) {
      if (sorted.length == 0) {
        return -1;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public long max() {
      return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }
  }
}
