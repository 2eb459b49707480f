package org.ensemble.cowriter.eval;

import org.ensemble.cowriter.sampling.Scales;

/**
 * Voice-leading figures of one four-voice piece given as MIDI pitches [step][voice] (−1 = rest), for
 * the voices it counts ({@code scored}, e.g. alto, tenor and bass of a harmonization). A chord is a
 * step where all four voices sound; a chord change is a step whose chord differs from the step before.
 */
public final class HarmonyMetrics {
  /** Conventional choir ranges, lowest and highest MIDI note: S C4–A5, A G3–D5, T C3–G4, B E2–C4. */
  static final int[][] RANGES = {{60, 81}, {55, 74}, {48, 67}, {40, 60}};

  private HarmonyMetrics() {}

  /** Sums and counts, so pieces can be pooled before dividing. */
  public static final class Tally {
    long onsets;
    long onsetsInKey;
    long onsetsOutOfRange;
    long chordSteps;
    long crossedSteps;
    long chordChanges;
    long parallels;
    double histogramDistance;
    int pieces;

    public void add(int[][] steps, boolean[] scored, int tonic, boolean minor, double[] referenceHistogram) {
      double[] histogram = new double[12];
      for (int t = 0; t < steps.length; t++) {
        for (int v = 0; v < 4; v++) {
          int p = steps[t][v];
          if (!scored[v] || p < 0) {
            continue;
          }
          histogram[Math.floorMod(p - tonic, 12)]++;
          if (t == 0 || steps[t - 1][v] != p) {
            onsets++;
            onsetsInKey += Scales.inKey(p, tonic, minor) ? 1 : 0;
            onsetsOutOfRange += p < RANGES[v][0] || p > RANGES[v][1] ? 1 : 0;
          }
        }
        if (!full(steps[t])) {
          continue;
        }
        chordSteps++;
        if (steps[t][0] < steps[t][1] || steps[t][1] < steps[t][2] || steps[t][2] < steps[t][3]) {
          crossedSteps++;
        }
        if (t > 0 && full(steps[t - 1]) && !java.util.Arrays.equals(steps[t - 1], steps[t])) {
          chordChanges++;
          parallels += parallels(steps[t - 1], steps[t]);
        }
      }
      histogramDistance += totalVariation(normalize(histogram), referenceHistogram);
      pieces++;
    }

    public double inKeyPercent() {
      return 100.0 * onsetsInKey / Math.max(1, onsets);
    }

    public double parallelsPer100Changes() {
      return 100.0 * parallels / Math.max(1, chordChanges);
    }

    public double crossingPercent() {
      return 100.0 * crossedSteps / Math.max(1, chordSteps);
    }

    public double rangeViolationPercent() {
      return 100.0 * onsetsOutOfRange / Math.max(1, onsets);
    }

    public double histogramDistance() {
      return histogramDistance / Math.max(1, pieces);
    }
  }

  /** Parallel fifths and octaves (unisons included) between two chords: both voices move, the same way. */
  static int parallels(int[] a, int[] b) {
    int count = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        int before = Math.floorMod(a[i] - a[j], 12);
        int after = Math.floorMod(b[i] - b[j], 12);
        boolean bothMove = a[i] != b[i] && a[j] != b[j];
        boolean sameWay = Integer.signum(b[i] - a[i]) == Integer.signum(b[j] - a[j]);
        if (bothMove && sameWay && before == after && (before == 7 || before == 0)) {
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

  static double totalVariation(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return d / 2;
  }
}
