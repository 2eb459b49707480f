package org.ensemble.cowriter.eval;

import org.ensemble.cowriter.sampling.Scales;

/**
 * The part-writing figures of issue 15 for four-voice pieces given as MIDI pitches [step][voice] on
 * the sixteenth grid (−1 = rest), pooled over pieces. A note is a run of one pitch. A chord is a step
 * where all four voices sound. Parallels are counted between every pair of the four voices under two
 * {@link ParallelDefinition}s: {@link ParallelDefinition#SIMILAR_MOTION} (the words) and
 * {@link ParallelDefinition#CONSECUTIVE} (the figures: contrary motion and chord changes with
 * rests count too). The texture figures (lone sixteenths, notes per bar, leaps, key, range,
 * pitch-class profile) are of the voices the mode writes: by default the lower voices, alto, tenor and
 * bass, which harmonize writes; the soprano alone for melody.
 */
public final class HarmonyMetrics {
  /** Conventional choir ranges, lowest and highest MIDI note: S C4–A5, A G3–D5, T C3–G4, B E2–C4. */
  static final int[][] RANGES = {{60, 81}, {55, 74}, {48, 67}, {40, 60}};
  static final int STEPS_PER_BAR = 16;
  private static final int WIDEST_PLAIN_LEAP = 7;
  private static final int WHOLE_TONE = 2;

  private HarmonyMetrics() {}

  /** Sums and counts, so pieces can be pooled before dividing. */
  public static final class Tally {
    final int firstVoice;
    final int lastVoice;
    final ParallelCount similar = new ParallelCount(ParallelDefinition.SIMILAR_MOTION);
    final ParallelCount consecutive = new ParallelCount(ParallelDefinition.CONSECUTIVE);
    long chordSteps;
    long crossedSteps;
    long notes;
    long loneSixteenths;
    long notesInKey;
    long notesOutOfRange;
    long moves;
    long wideLeaps;
    long stepMoves;
    long steps;
    final double[] profile = new double[12];
    int pieces;

    /** The lower voices' texture (alto, tenor, bass: what harmonize writes). */
    public Tally() {
      this(1, 3);
    }

    /** The texture of voices {@code firstVoice} … {@code lastVoice} (0 soprano … 3 bass). */
    public Tally(int firstVoice, int lastVoice) {
      this.firstVoice = firstVoice;
      this.lastVoice = lastVoice;
    }

    /** Adds one piece in the key with tonic pitch class {@code tonic}. */
    public void add(int[][] grid, int tonic, boolean minor) {
      pieces++;
      steps += grid.length;
      for (int v = firstVoice; v <= lastVoice; v++) {
        int previousNote = -1;
        int t = 0;
        while (t < grid.length) {
          int p = grid[t][v];
          int end = t + 1;
          while (end < grid.length && grid[end][v] == p) {
            end++;
          }
          if (p < 0) {
            previousNote = -1;
          } else {
            notes++;
            loneSixteenths += end - t == 1 ? 1 : 0;
            notesInKey += Scales.inKey(p, tonic, minor) ? 1 : 0;
            notesOutOfRange += p < RANGES[v][0] || p > RANGES[v][1] ? 1 : 0;
            profile[Math.floorMod(p - tonic, 12)] += end - t;
            if (previousNote >= 0) {
              moves++;
              wideLeaps += Math.abs(p - previousNote) > WIDEST_PLAIN_LEAP ? 1 : 0;
              stepMoves += Math.abs(p - previousNote) <= WHOLE_TONE ? 1 : 0;
            }
            previousNote = p;
          }
          t = end;
        }
      }
      for (int[] chord : grid) {
        if (full(chord)) {
          chordSteps++;
          crossedSteps += chord[0] < chord[1] || chord[1] < chord[2] || chord[2] < chord[3] ? 1 : 0;
        }
      }
      similar.add(grid);
      consecutive.add(grid);
    }

    /** Parallel fifths in similar motion ({@link ParallelDefinition#SIMILAR_MOTION}). */
    public double parallelFifthsPer100Changes() {
      return similar.fifthsPer100Changes();
    }

    public double parallelOctavesPer100Changes() {
      return similar.octavesPer100Changes();
    }

    /** Consecutive fifths in any motion, issue 15's count ({@link ParallelDefinition#CONSECUTIVE}). */
    public double consecutiveFifthsPer100Changes() {
      return consecutive.fifthsPer100Changes();
    }

    public double consecutiveOctavesPer100Changes() {
      return consecutive.octavesPer100Changes();
    }

    public double loneSixteenthPercent() {
      return 100.0 * loneSixteenths / Math.max(1, notes);
    }

    /** Notes per voice per 4/4 bar (16 sixteenths), of the measured voices. */
    public double notesPerVoicePerBar() {
      return notes / (double) (lastVoice - firstVoice + 1) / Math.max(1e-9, steps / (double) STEPS_PER_BAR);
    }

    public double wideLeapPercent() {
      return 100.0 * wideLeaps / Math.max(1, moves);
    }

    /** Moves of a semitone or a tone (or a repeated note after a rest): a singable line is mostly steps. */
    public double stepPercent() {
      return 100.0 * stepMoves / Math.max(1, moves);
    }

    public double inKeyPercent() {
      return 100.0 * notesInKey / Math.max(1, notes);
    }

    public double rangeViolationPercent() {
      return 100.0 * notesOutOfRange / Math.max(1, notes);
    }

    public double crossingPercent() {
      return 100.0 * crossedSteps / Math.max(1, chordSteps);
    }

    /** The pooled key-relative pitch-class profile (sixteenths sounding, lower voices), summing to 1. */
    public double[] profile() {
      return normalize(profile);
    }

    /** Jensen–Shannon divergence, in bits, of the pooled profile to {@code reference}. */
    public double profileDivergence(double[] reference) {
      return jensenShannon(profile(), reference);
    }
  }

  private static boolean full(int[] chord) {
    return chord[0] >= 0 && chord[1] >= 0 && chord[2] >= 0 && chord[3] >= 0;
  }

  static double[] normalize(double[] histogram) {
    double total = 0;
    for (double h : histogram) {
      total += h;
    }
    double[] out = new double[histogram.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = total == 0 ? 0 : histogram[i] / total;
    }
    return out;
  }

  static double jensenShannon(double[] p, double[] q) {
    double d = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      d += (p[i] > 0 ? p[i] * Math.log(p[i] / m) : 0) + (q[i] > 0 ? q[i] * Math.log(q[i] / m) : 0);
    }
    return d / 2 / Math.log(2);
  }
}
