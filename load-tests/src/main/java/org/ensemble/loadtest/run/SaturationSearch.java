package org.ensemble.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ensemble.loadtest.report.ShapeResult;

/**
 * Raises the per-client edit rate of a fixed shape step by step, each step on a fresh server, until a
 * step's p99 passes the threshold (or its rooms do not converge). The saturation throughput is the
 * highest delivered updates/s among the steps whose p99 stayed within; the report also gives it
 * counting only the steps without errors (disconnections).
 */
public final class SaturationSearch {
  public static final long DEFAULT_THRESHOLD_MICROS = 100_000;

  private final ShapeRunner runner;
  private final long thresholdMicros;

  public SaturationSearch(ShapeRunner runner, long thresholdMicros) {
    this.runner = runner;
    this.thresholdMicros = thresholdMicros;
  }

  /** Runs the steps in order, handing each result to {@code sink}, and stops after the first one over. */
  public List<ShapeResult> run(ShapeSpec shape, List<Double> rates, Consumer<ShapeResult> sink) throws Exception {
    List<ShapeResult> steps = new ArrayList<>();
    for (double rate : rates) {
      ShapeResult r = runner.run("saturation", shape.withRate(rate));
      sink.accept(r);
      steps.add(r);
      if (!r.p99Within(thresholdMicros)) {
        break;
      }
    }
    return steps;
  }
}
