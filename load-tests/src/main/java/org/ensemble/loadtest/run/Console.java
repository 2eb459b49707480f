package org.ensemble.loadtest.run;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.ensemble.loadtest.report.Format;
import org.ensemble.loadtest.report.ShapeResult;

/** Progress lines on standard error (the results go to the JSON file). */
public final class Console {
  private Console() {}

  public static void step(String what) {
    System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " == " + what);
  }

  public static void info(String what) {
    System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "    " + what);
  }

  public static void result(ShapeResult r) {
    info(r.target() + " " + r.label() + ": p50 " + Format.millis(r.p50()) + ", p95 " + Format.millis(r.p95())
        + ", p99 " + Format.millis(r.p99()) + ", max " + Format.millis(r.max()) + "; "
        + Format.count(r.deliveredPerSecond()) + " delivered/s (" + r.latencyCount() + " of "
        + r.expectedDeliveries() + " expected); connect p50 " + Format.millis(r.connectP50()) + ", p99 "
        + Format.millis(r.connectP99()) + "; errors " + r.errors() + "; peak RSS " + Format.megabytes(r.peakRssKb())
        + "; server CPU " + Format.count(r.serverCpuPercent()) + " %, tool CPU " + Format.count(r.toolCpuPercent())
        + " %; " + r.convergence());
  }
}
