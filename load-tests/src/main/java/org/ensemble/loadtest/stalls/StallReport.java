package org.ensemble.loadtest.stalls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run's slowest deliveries (those slower than its p99) came from: are they spread over the window (the server is simply
 * slow at its tail) or clustered in a few stalls (something stopped the world: a collector's pause, a
 * slow fsync, a process that did not get a CPU)? And, given the GC pauses of the server or of the tool,
 * how many of them overlap one.
 *
 * <p>Reads the trace of {@code -Dloadtest.trace=FILE} ({@code LatencyTrace}); pauses come from a JDK
 * unified GC log ({@link GcPauses}).
 */
public final class StallReport {
  /** Slow deliveries are grouped by the send time into windows this long. */
  static final long WINDOW_MICROS = 100_000;

  /** One delivery: send and receive time in the trace's clock, microseconds. */
  public record Delivery(long sentAt, long receivedAt) {
    long latency() {
      return receivedAt - sentAt;
    }
  }

  /** A pause on the wall clock, microseconds since the epoch. */
  public record Pause(long start, long end, String what) {}

  private StallReport() {}

  /**
   * @param offsetMicros wall-clock microseconds at the trace's clock zero
   * @param pauses named lists of pauses (e.g. "server GC", "tool GC"); may be empty
   */
  public static String render(List<Delivery> deliveries, long offsetMicros, Map<String, List<Pause>> pauses) {
    if (deliveries.isEmpty()) {
      return "no deliveries in the trace\n";
    }
    long[] latencies = deliveries.stream().mapToLong(Delivery::latency).sorted().toArray();
    long p99 = latencies[(int) Math.ceil(0.99 * latencies.length) - 1];
    List<Delivery> slow = deliveries.stream().filter(d -> d.latency() > p99).toList();
    long first = deliveries.stream().mapToLong(Delivery::sentAt).min().orElse(0);
    long last = deliveries.stream().mapToLong(Delivery::sentAt).max().orElse(0);
    Map<Long, Integer> byWindow = new TreeMap<>();
    slow.forEach(d -> byWindow.merge((d.sentAt() - first) / WINDOW_MICROS, 1, Integer::sum));
    long windows = (last - first) / WINDOW_MICROS + 1;

    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d deliveries over %.1f s; p99 %.2f ms; %d slower than that%n",
        deliveries.size(), (last - first) / 1e6, p99 / 1e3, slow.size()));
    out.append(String.format(Locale.ROOT, "they fall in %d of the %d windows of %d ms (spread evenly they would fill %d)%n",
        byWindow.size(), windows, WINDOW_MICROS / 1000, Math.min(windows, slow.size())));
    List<Map.Entry<Long, Integer>> busiest = new ArrayList<>(byWindow.entrySet());
    busiest.sort(Map.Entry.<Long, Integer>comparingByValue().reversed());
    out.append("busiest windows (s into the trace: slow deliveries):");
    busiest.stream().limit(8).forEach(e -> out.append(String.format(Locale.ROOT, " %.1f: %d",
        e.getKey() * WINDOW_MICROS / 1e6, e.getValue())));
    out.append('\n');
    for (Map.Entry<String, List<Pause>> named : pauses.entrySet()) {
      Pause[] sorted = named.getValue().toArray(Pause[]::new);
      Arrays.sort(sorted, Comparator.comparingLong(Pause::start));
      long overlapping = slow.stream().filter(d -> overlaps(sorted, d.sentAt() + offsetMicros,
          d.receivedAt() + offsetMicros)).count();
      out.append(String.format(Locale.ROOT, "%s: %d pauses; %d of the %d slow deliveries were in flight during one%n",
          named.getKey(), sorted.length, overlapping, slow.size()));
    }
    return out.toString();
  }

  /** Whether some pause in {@code sorted} (by start) overlaps [from, to]. */
  static boolean overlaps(Pause[] sorted, long from, long to) {
    for (Pause p : sorted) {
      if (p.start() > to) {
        return false;
      }
      if (p.end() >= from) {
        return true;
      }
    }
    return false;
  }
}
