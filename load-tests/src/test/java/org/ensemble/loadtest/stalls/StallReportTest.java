package org.ensemble.loadtest.stalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StallReportTest {
  @Test
  void gcLogPausesAreReadWithTheirWallClockSpan() {
    List<StallReport.Pause> pauses = GcPauses.parse(List.of(
        "[2026-11-26T15:06:20.357+0000][0.008s] Using G1",
        "[2026-11-26T15:06:22.204+0000][1.855s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->3M(258M) 18.602ms",
        "[2026-11-26T15:06:29.044+0000] GC(5) Pause Cleanup 15M->15M(256M) 0.081ms",
        "[2026-11-26T15:06:29.069+0000][8.720s] GC(5) Concurrent Mark Cycle 115.820ms"));
    assertEquals(2, pauses.size(), pauses.toString());
    long end = 1_795_705_582_204_000L; // 2026-11-26T15:06:22.204Z in microseconds
    assertEquals(new StallReport.Pause(end - 18_602, end, "Pause Young"), pauses.get(0));
    assertEquals("Pause Cleanup", pauses.get(1).what());
  }

  @Test
  void slowDeliveriesClusteredInAPauseAreCountedAsSuch() {
    List<StallReport.Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 990; i++) { // 9.9 s of fast deliveries, 1 ms each
      deliveries.add(new StallReport.Delivery(i * 10_000L, i * 10_000L + 1_000));
    }
    for (int i = 0; i < 10; i++) { // ten slow ones, all sent within 50 ms from 5 s on
      long sent = 5_000_000 + i * 5_000L;
      deliveries.add(new StallReport.Delivery(sent, 5_080_000));
    }
    long offset = 1_000_000_000L;
    StallReport.Pause pause = new StallReport.Pause(offset + 5_060_000, offset + 5_079_000, "Pause Young");
    String report = StallReport.render(deliveries, offset, Map.of("server GC", List.of(pause)));
    assertTrue(report.contains("p99 1.00 ms; 10 slower than that"), report);
    assertTrue(report.contains("they fall in 1 of the 99 windows of 100 ms"), report);
    assertTrue(report.contains("5.0: 10"), report);
    assertTrue(report.contains("server GC: 1 pauses; 10 of the 10 slow deliveries were in flight during one"), report);
  }

  @Test
  void overlapIsJudgedOnTheWholeFlight() {
    StallReport.Pause[] pauses = {new StallReport.Pause(100, 200, "p"), new StallReport.Pause(500, 600, "p")};
    assertTrue(StallReport.overlaps(pauses, 150, 160));
    assertTrue(StallReport.overlaps(pauses, 50, 100));
    assertTrue(StallReport.overlaps(pauses, 590, 700));
    assertFalse(StallReport.overlaps(pauses, 201, 499));
    assertFalse(StallReport.overlaps(pauses, 601, 900));
  }

  @Test
  void aTraceWithoutItsOffsetLineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TraceFile.parse(List.of("1 2 3")));
    TraceFile t = TraceFile.parse(List.of("# 42", "10 15 18", "20 31 19"));
    assertEquals(42, t.offsetMicros());
    assertEquals(List.of(new StallReport.Delivery(10, 15), new StallReport.Delivery(20, 31)), t.deliveries());
  }
}
