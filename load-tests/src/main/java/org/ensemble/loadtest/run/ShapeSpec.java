package org.ensemble.loadtest.run;

import org.ensemble.loadtest.report.Format;

/**
 * One load shape: {@code rooms} × {@code clients} clients, each editing {@code editsPerSecond} times a
 * second; {@code warmupSeconds} of editing that is not measured, then {@code measureSeconds} that is.
 */
public record ShapeSpec(int rooms, int clients, double editsPerSecond, int warmupSeconds, int measureSeconds,
                        int ownNotes) {
  public ShapeSpec {
    if (rooms < 1 || clients < 1 || editsPerSecond < 0 || warmupSeconds < 0 || measureSeconds < 1 || ownNotes < 1) {
      throw new IllegalArgumentException("invalid shape " + rooms + "x" + clients + " @" + editsPerSecond);
    }
  }

  public ShapeSpec withRate(double rate) {
    return new ShapeSpec(rooms, clients, rate, warmupSeconds, measureSeconds, ownNotes);
  }

  /** {@code 20x10@3}. */
  public String label() {
    return rooms + "x" + clients + "@" + Format.number(editsPerSecond);
  }
}
