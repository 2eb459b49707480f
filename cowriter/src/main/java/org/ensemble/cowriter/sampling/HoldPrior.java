package org.ensemble.cowriter.sampling;

import java.util.List;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.model.ModelSpec;

/**
 * How often a voice keeps its pitch from one sixteenth to the next in Bach's chorales, by voice and by
 * the sixteenth's place in its quarter note: the note-length prior the sampler adds to the network.
 * The sixteenth grid cannot tell a held note from a repeated one, and a cell sampled while its
 * neighbours are hidden knows nothing of them, so without a prior a voice may change on any cell
 * (the "jitter" of issue 15). Bach almost never does: in the training split a voice changes pitch
 * on the second or fourth sixteenth of a beat less than 2 % of the time.
 *
 * <p>{@link #TRAINING} is {@link #fit} of the training split (229 pieces), rounded to 4 digits;
 * {@code HoldPriorTest} refits it from the data and checks the table.
 */
public final class HoldPrior {
  /** P(pitch at t = pitch at t − 1 | voice, t's sixteenth within its quarter), both cells sounding. */
  static final double[][] TRAINING = {
      {0.3212, 0.9996, 0.9127, 0.9943},
      {0.4035, 0.9991, 0.7887, 0.9846},
      {0.3640, 0.9976, 0.7725, 0.9800},
      {0.1850, 0.9999, 0.7448, 0.9976},
  };
  /** Log-odds are capped here (±7 nats ≈ 1 in 1,100): a prior, never a wall. */
  private static final double MAX_LOG_ODDS = 7;

  private final double[][] logOdds = new double[ModelSpec.VOICES][ModelSpec.STEPS_PER_QUARTER];

  private HoldPrior(double[][] holds) {
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      for (int k = 0; k < ModelSpec.STEPS_PER_QUARTER; k++) {
        double p = holds[v][k];
        logOdds[v][k] = Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, Math.log(p / (1 - p))));
      }
    }
  }

  public static HoldPrior training() {
    return new HoldPrior(TRAINING);
  }

  /** The log-odds of keeping the pitch of the step before, at a step whose place in its quarter is {@code sixteenth}. */
  public double logOdds(int voice, int sixteenth) {
    return logOdds[voice][sixteenth];
  }

  /** Counts, for each voice and sixteenth within the quarter, how often two sounding neighbours share a pitch. */
  public static double[][] fit(List<Chorale> pieces) {
    long[][] kept = new long[ModelSpec.VOICES][ModelSpec.STEPS_PER_QUARTER];
    long[][] all = new long[ModelSpec.VOICES][ModelSpec.STEPS_PER_QUARTER];
    for (Chorale piece : pieces) {
      for (int t = 1; t < piece.length(); t++) {
        for (int v = 0; v < ModelSpec.VOICES; v++) {
          int a = piece.pitch(t - 1, v);
          int b = piece.pitch(t, v);
          if (a != Chorale.REST && b != Chorale.REST) {
            all[v][t % ModelSpec.STEPS_PER_QUARTER]++;
            kept[v][t % ModelSpec.STEPS_PER_QUARTER] += a == b ? 1 : 0;
          }
        }
      }
    }
    double[][] p = new double[ModelSpec.VOICES][ModelSpec.STEPS_PER_QUARTER];
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      for (int k = 0; k < ModelSpec.STEPS_PER_QUARTER; k++) {
        p[v][k] = (double) kept[v][k] / Math.max(1, all[v][k]);
      }
    }
    return p;
  }
}
