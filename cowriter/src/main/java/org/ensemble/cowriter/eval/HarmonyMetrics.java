package org.ensemble.cowriter.eval;

import java.util.Arrays;
import org.ensemble.cowriter.sampling.Scales;

/**
 * The part-writing figures of issue 15 for four-voice pieces given as MIDI pitches [step][voice] on
 * the sixteenth grid (−1 = rest), pooled over pieces. A note is a run of one pitch. A chord is a step
 * where all four voices sound; a chord change is a step whose chord differs from the step before. A
 * parallel is two voices a perfect fifth (or an octave or unison), modulo octaves, apart, both moving
 * the same way to the same interval — counted between every pair of the four voices. The texture
 * figures (lone sixteenths, notes per bar, leaps, key, range, pitch-class profile) are of the lower
 * voices: alto, tenor and bass, which harmonize writes.
 */
public final class HarmonyMetrics {
  /** Conventional choir ranges, lowest and highest MIDI note: S C4–A5, A G3–D5, T C3–G4, B E2–C4. */
  static final int[][] RANGES = {{60, 81}, {55, 74}, {48, 67}, {40, 60}};
  static final int STEPS_PER_BAR = 16;
  private static final int FIFTH = 7;
  private static final int WIDEST_PLAIN_LEAP = 7;

  private HarmonyMetrics() {}

  /** Sums and counts, so pieces can be pooled before dividing. */
  public static final class Tally {
    long chordSteps;
    long crossedSteps;
    long chordChanges;
    long parallelFifths;
    long parallelOctaves;
    long notes;
    long loneSixteenths;
    long notesInKey;
    long notesOutOfRange;
    long moves;
    long wideLeaps;
    long steps;
    final double[] profile = new double[12];
    int pieces;

    /** Adds one piece in the key with tonic pitch class {@code tonic}. */
    public void add(int[][] grid, int tonic, boolean minor) {
      pieces++;
      steps += grid.length;
      for (int v = 1; v < 4; v++) {
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
            }
            previousNote = p;
          }
          t = end;
        }
      }
      for (int t = 0; t < grid.length; t++) {
        if (!full(grid[t])) {
          continue;
        }
        chordSteps++;
        if (grid[t][0] < grid[t][1] || grid[t][1] < grid[t][2] || grid[t][2] < grid[t][3]) {
          crossedSteps++;
        }
        if (t > 0 && full(grid[t - 1]) && !Arrays.equals(grid[t - 1], grid[t])) {
          chordChanges++;
          parallelFifths += parallels(grid[t - 1], grid[t], FIFTH);
          parallelOctaves += parallels(grid[t - 1], grid[t], 0);
        }
      }
    }

    public double parallelFifthsPer100Changes() {
      return 100.0 * parallelFifths / Math.max(1, chordChanges);
    }

    public double parallelOctavesPer100Changes() {
      return 100.0 * parallelOctaves / Math.max(1, chordChanges);
    }

    public double loneSixteenthPercent() {
      return 100.0 * loneSixteenths / Math.max(1, notes);
    }

    /** Lower-voice notes per voice per 4/4 bar (16 sixteenths). */
    public double notesPerVoicePerBar() {
      return notes / 3.0 / Math.max(1e-9, steps / (double) STEPS_PER_BAR);
    }

    public double wideLeapPercent() {
      return 100.0 * wideLeaps / Math.max(1, moves);
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

  /** Parallels of one kind ({@code interval} 7: fifths, 0: octaves and unisons) between two chords. */
  static int parallels(int[] a, int[] b, int interval) {
    int count = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        int before = Math.floorMod(a[i] - a[j], 12);
        int after = Math.floorMod(b[i] - b[j], 12);
        boolean bothMove = a[i] != b[i] && a[j] != b[j];
        boolean sameWay = Integer.signum(b[i] - a[i]) == Integer.signum(b[j] - a[j]);
        if (bothMove && sameWay && before == after && before == interval) {
          count++;
        }
      }
    }
    return count;
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
