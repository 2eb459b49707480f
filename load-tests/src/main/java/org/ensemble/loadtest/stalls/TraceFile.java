package org.ensemble.loadtest.stalls;

import java.util.ArrayList;
import java.util.List;

/** Reads the file {@code -Dloadtest.trace=FILE} writes (format in {@code metrics/LatencyTrace}). */
public record TraceFile(long offsetMicros, List<StallReport.Delivery> deliveries) {
  public static TraceFile parse(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
      throw new IllegalArgumentException("not a delivery trace: its first line must be '# OFFSET'");
    }
    long offset = Long.parseLong(lines.get(0).substring(2).trim());
    List<StallReport.Delivery> deliveries = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).trim().split(" ");
      if (fields.length < 2) {
        throw new IllegalArgumentException("line " + (i + 1) + " of the trace is not 'SENT RECEIVED THREAD'");
      }
      deliveries.add(new StallReport.Delivery(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
    }
    return new TraceFile(offset, deliveries);
  }
}
