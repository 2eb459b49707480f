package org.ensemble.cowriter.eval;

import java.util.List;

/**
 * One way of counting parallel fifths and octaves in four voices on the sixteenth grid. Counts of
 * "the same" figure differ by a factor of ten between readings (MODEL_CARD.md lists Bach's under each),
 * so every figure names its definition.
 *
 * @param name         what the figure is called where it is printed
 * @param grid         read every {@code grid}-th sixteenth (1: every sixteenth; 4: the quarter-note beats)
 * @param anyMotion    count two voices that both move to the same perfect interval in contrary motion
 *                     too ("consecutive" fifths and octaves); false: only when they move the same way
 * @param interval     how the interval of two voices is measured
 * @param changesWithRests a chord change is any step where any voice changes, rests included; false:
 *                     only steps where all four voices sound at that step and the one before
 */
public record ParallelDefinition(String name, int grid, boolean anyMotion, Interval interval, boolean changesWithRests) {

  /** How two voices' interval is measured before it is compared with a fifth or an octave. */
  public enum Interval {
    /** Upper voice minus lower voice by their parts' order, modulo 12: compound intervals count, and a
     *  crossed fourth counts as a fifth. */
    CLASS_BY_PART,
    /** The distance of the two pitches, modulo 12: compound intervals count, a crossed fourth does not. */
    CLASS_BY_DISTANCE,
    /** The distance of the two pitches, exactly: a fifth is 7 semitones, an octave 0 or 12 (no 12ths, 15ths). */
    SIMPLE
  }

  /**
   * The figures' first definition (issue 15's text: "both moving in the same direction"): every
   * sixteenth, similar motion, interval classes by part order, chord changes where all four sound.
   */
  public static final ParallelDefinition SIMILAR_MOTION =
      new ParallelDefinition("parallel (similar motion)", 1, false, Interval.CLASS_BY_PART, false);

  /**
   * The definition that reproduces issue 15's figures for Bach (0.59 and 0.11 on the test split):
   * as {@link #SIMILAR_MOTION}, but contrary motion counts too (a harmony teacher marks consecutive
   * fifths and octaves by contrary motion as well) and a chord change is any step where any voice
   * changes, rests included.
   */
  public static final ParallelDefinition CONSECUTIVE =
      new ParallelDefinition("consecutive (any motion; issue 15's count)", 1, true, Interval.CLASS_BY_PART, true);

  /** The readings whose figures for Bach MODEL_CARD.md compares (`evaluate --definitions true`). */
  public static List<ParallelDefinition> readings() {
    return List.of(
        SIMILAR_MOTION,
        new ParallelDefinition("similar motion, chord changes with rests", 1, false, Interval.CLASS_BY_PART, true),
        new ParallelDefinition("similar motion, crossed fourths not fifths", 1, false, Interval.CLASS_BY_DISTANCE, false),
        new ParallelDefinition("similar motion, no compound intervals", 1, false, Interval.SIMPLE, false),
        new ParallelDefinition("any motion", 1, true, Interval.CLASS_BY_PART, false),
        CONSECUTIVE,
        new ParallelDefinition("any motion, crossed fourths not fifths, with rests", 1, true, Interval.CLASS_BY_DISTANCE, true),
        new ParallelDefinition("any motion, no compound intervals, with rests", 1, true, Interval.SIMPLE, true),
        new ParallelDefinition("similar motion, eighth-note grid", 2, false, Interval.CLASS_BY_PART, false),
        new ParallelDefinition("any motion, eighth-note grid, with rests", 2, true, Interval.CLASS_BY_PART, true),
        new ParallelDefinition("similar motion, quarter-note beats", 4, false, Interval.CLASS_BY_PART, false),
        new ParallelDefinition("any motion, quarter-note beats, with rests", 4, true, Interval.CLASS_BY_PART, true));
  }

  /** Whether voices {@code i} above {@code j}, moving a[i]→b[i] and a[j]→b[j], make a consecutive {@code fifth} (or octave). */
  boolean consecutive(int[] a, int[] b, int i, int j, boolean fifth) {
    if (a[i] < 0 || a[j] < 0 || b[i] < 0 || b[j] < 0 || a[i] == b[i] || a[j] == b[j]) {
      return false;
    }
    if (!anyMotion && Integer.signum(b[i] - a[i]) != Integer.signum(b[j] - a[j])) {
      return false;
    }
    int before = measure(a[i], a[j]);
    int after = measure(b[i], b[j]);
    if (before != after) {
      return false;
    }
    return fifth ? before == 7 : before == 0 || (interval == Interval.SIMPLE && before == 12);
  }

  private int measure(int upper, int lower) {
    return switch (interval) {
      case CLASS_BY_PART -> Math.floorMod(upper - lower, 12);
      case CLASS_BY_DISTANCE -> Math.abs(upper - lower) % 12;
      case SIMPLE -> Math.abs(upper - lower);
    };
  }

  /** Whether the step from {@code a} to {@code b} is a chord change under this definition. */
  boolean chordChange(int[] a, int[] b) {
    if (java.util.Arrays.equals(a, b)) {
      return false;
    }
    return changesWithRests || (sounding(a) && sounding(b));
  }

  private static boolean sounding(int[] chord) {
    for (int p : chord) {
      if (p < 0) {
        return false;
      }
    }
    return true;
  }
}
