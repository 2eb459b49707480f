package org.ensemble.cowriter.eval;

import java.util.List;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.Windows;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * The baseline the network must beat: a smoothed bigram (first-order Markov chain) over each voice's
 * pitches on the sixteenth grid, counted on the training chorales with the same transpositions. A
 * masked cell's probability is the chain's exact posterior given the nearest known cells before and
 * after it in the same voice: P(x | a, b) ∝ Pᵏ(a → x) · Pʲ(x → b). It sees only its own voice.
 */
public final class MarkovBaseline {
  /** Dirichlet smoothing toward the voice's unigram distribution, in pseudo-counts. */
  private static final double SMOOTHING = 1.0;
  /** Beyond this many steps the chain's powers are treated as equal (they converge). */
  private static final int MAX_POWER = 64;

  private final int pitches;
  /** powers[v][k][a][b] = P(x_{t+k} = b | x_t = a) for voice v, k = 1..MAX_POWER. */
  private final double[][][][] powers;
  private final double[][] unigram;

  private MarkovBaseline(int pitches, double[][][][] powers, double[][] unigram) {
    this.pitches = pitches;
    this.powers = powers;
    this.unigram = unigram;
  }

  public static MarkovBaseline fit(List<Chorale> pieces, ModelSpec spec, int maxShift) {
    int n = spec.pitches();
    double[][][] pairs = new double[ModelSpec.VOICES][n][n];
    double[][] singles = new double[ModelSpec.VOICES][n];
    for (Chorale piece : pieces) {
      for (int shift = -maxShift; shift <= maxShift; shift++) {
        Roll roll = Windows.window(piece, 0, piece.length(), shift, spec);
        for (int v = 0; v < ModelSpec.VOICES; v++) {
          for (int t = 0; t < roll.steps(); t++) {
            int b = roll.pitch(v, t);
            if (b == Roll.EMPTY) {
              continue;
            }
            singles[v][b]++;
            int a = t > 0 ? roll.pitch(v, t - 1) : Roll.EMPTY;
            if (a != Roll.EMPTY) {
              pairs[v][a][b]++;
            }
          }
        }
      }
    }
    double[][] unigram = new double[ModelSpec.VOICES][n];
    double[][][][] powers = new double[ModelSpec.VOICES][MAX_POWER + 1][][];
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      double total = 0;
      for (double c : singles[v]) {
        total += c;
      }
      for (int p = 0; p < n; p++) {
        unigram[v][p] = (singles[v][p] + 1) / (total + n); // add-one: every pitch stays possible
      }
      double[][] step = new double[n][n];
      for (int a = 0; a < n; a++) {
        double row = 0;
        for (double c : pairs[v][a]) {
          row += c;
        }
        for (int b = 0; b < n; b++) {
          step[a][b] = (pairs[v][a][b] + SMOOTHING * unigram[v][b]) / (row + SMOOTHING);
        }
      }
      powers[v][1] = step;
      for (int k = 2; k <= MAX_POWER; k++) {
        powers[v][k] = multiply(powers[v][k - 1], step);
      }
    }
    return new MarkovBaseline(n, powers, unigram);
  }

  /** −log P of the true pitch of every masked note cell of {@code roll}, summed; and how many. */
  public double[] nll(Roll roll) {
    double total = 0;
    int count = 0;
    double[] dist = new double[pitches];
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      for (int t = 0; t < roll.steps(); t++) {
        if (!roll.masked(v, t) || roll.pitch(v, t) == Roll.EMPTY) {
          continue;
        }
        posterior(roll, v, t, dist);
        total -= Math.log(dist[roll.pitch(v, t)]);
        count++;
      }
    }
    return new double[] {total, count};
  }

  private void posterior(Roll roll, int v, int t, double[] out) {
    int before = t - 1;
    while (before >= 0 && known(roll, v, before) == Roll.EMPTY) {
      before--;
    }
    int after = t + 1;
    while (after < roll.steps() && known(roll, v, after) == Roll.EMPTY) {
      after++;
    }
    double sum = 0;
    for (int x = 0; x < pitches; x++) {
      double p = before >= 0 ? power(v, t - before)[known(roll, v, before)][x] : unigram[v][x];
      if (after < roll.steps()) {
        p *= power(v, after - t)[x][known(roll, v, after)];
      }
      out[x] = p;
      sum += p;
    }
    for (int x = 0; x < pitches; x++) {
      out[x] /= sum;
    }
  }

  private static int known(Roll roll, int v, int t) {
    return roll.masked(v, t) ? Roll.EMPTY : roll.pitch(v, t);
  }

  private double[][] power(int v, int k) {
    return powers[v][Math.min(k, MAX_POWER)];
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double x = a[i][k];
        for (int j = 0; j < n; j++) {
          c[i][j] += x * b[k][j];
        }
      }
    }
    return c;
  }
}
