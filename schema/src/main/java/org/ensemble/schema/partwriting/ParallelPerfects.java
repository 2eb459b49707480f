package org.ensemble.schema.partwriting;

import java.util.List;

/**
 * Parallel fifths or octaves (unisons and compound intervals included) between any two voices: both
 * voices move, in the same direction, from a perfect fifth (or octave) to another one. Counted between
 * consecutive events, as the co-writer's harmony metrics and its sampling lock define a parallel.
 */
final class ParallelPerfects implements Rule {
  static final String FIFTHS = "parallel-fifths";
  static final String OCTAVES = "parallel-octaves";

  private final String id;
  private final int interval;
  private final String plural;

  private ParallelPerfects(String id, int interval, String plural) {
    this.id = id;
    this.interval = interval;
    this.plural = plural;
  }

  static ParallelPerfects fifths() {
    return new ParallelPerfects(FIFTHS, 7, "fifths");
  }

  static ParallelPerfects octaves() {
    return new ParallelPerfects(OCTAVES, 0, "octaves");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return "No two voices may move in parallel " + plural + ".";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    Part[] parts = Part.values();
    for (int e = 1; e < t.events(); e++) {
      for (int i = 0; i < parts.length; i++) {
        for (int j = i + 1; j < parts.length; j++) {
          Part upper = parts[i];
          Part lower = parts[j];
          if (!t.moves(e, upper) || !t.moves(e, lower)) {
            continue;
          }
          int upperStep = t.at(e, upper).pitch() - t.at(e - 1, upper).pitch();
          int lowerStep = t.at(e, lower).pitch() - t.at(e - 1, lower).pitch();
          int before = Math.floorMod(t.at(e - 1, upper).pitch() - t.at(e - 1, lower).pitch(), 12);
          int after = Math.floorMod(t.at(e, upper).pitch() - t.at(e, lower).pitch(), 12);
          if (Integer.signum(upperStep) == Integer.signum(lowerStep) && before == interval && after == interval) {
            boolean unisons = t.at(e, upper).pitch() == t.at(e, lower).pitch()
                && t.at(e - 1, upper).pitch() == t.at(e - 1, lower).pitch();
            out.add(t.finding(id, t.time(e), List.of(upper, lower), Intervals.noteIds(t, e, upper, lower),
                upper.title() + " and " + lower.title().toLowerCase() + " move in parallel "
                    + (unisons ? "unisons" : plural) + " ("
                    + Intervals.motion(t, e, upper, lower) + "). Moving two voices the same way from one perfect "
                    + (interval == 7 ? "fifth" : "octave") + " to another makes them sound like one voice; "
                    + "move one of them by contrary or oblique motion."));
          }
        }
      }
    }
  }
}
