package org.ensemble.loadtest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void percentilesAreNearestRank() {
    Samples s = new Samples();
    for (int i = 100; i >= 1; i--) {
      s.add(i);
    }
    Samples.Summary sum = s.summary();
    assertEquals(100, sum.count());
    assertEquals(50, sum.percentile(50));
    assertEquals(95, sum.percentile(95));
    assertEquals(99, sum.percentile(99));
    assertEquals(100, sum.max());
  }

  @Test
  void emptySamplesHaveNoPercentiles() {
    assertEquals(-1, new Samples().summary().percentile(99));
  }

  @Test
  void onlyEditsSentInTheWindowCountForLatencyAndOnlyArrivalsInItForThroughput() {
    RunMetrics m = new RunMetrics();
    m.delivered(5, 10); // before the window opens
    m.openWindow(100);
    m.delivered(90, 110); // sent before, arrived inside
    m.delivered(120, 150);
    m.closeWindow(200);
    m.delivered(190, 260); // sent inside, arrived after
    m.editSent(99);
    m.editSent(100);
    m.editSent(199);
    m.editSent(200);
    assertEquals(2, m.editsInWindow());
    assertEquals(2, m.latency().size());
    assertEquals(70, m.latency().summary().max());
    assertEquals(2, m.deliveredInWindow());
  }
}
