package org.ensemble.cowriter.eval;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.Masks;
import org.ensemble.cowriter.data.Windows;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * Negative log-likelihood per masked note cell (nats): every piece of a split, whole and in its own
 * key, with each cell masked independently at a given rate (seeded, so the network and the baseline
 * are scored on the very same masks). Each masked cell is predicted in one pass from the unmasked rest.
 */
public final class MaskedNll {
  private MaskedNll() {}

  public static List<Roll> maskedPieces(List<Chorale> pieces, ModelSpec spec, double rate, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Roll> rolls = new ArrayList<>(pieces.size());
    for (Chorale piece : pieces) {
      Roll roll = Windows.window(piece, 0, piece.length(), 0, spec);
      Masks.bernoulli(roll, rate, rng);
      rolls.add(roll);
    }
    return rolls;
  }

  public static double network(Predictor<List<Roll>, Distributions> predictor, List<Roll> rolls) throws TranslateException {
    double total = 0;
    long count = 0;
    for (Roll roll : rolls) {
      Distributions d = predictor.predict(List.of(roll));
      for (int v = 0; v < ModelSpec.VOICES; v++) {
        for (int t = 0; t < roll.steps(); t++) {
          if (roll.masked(v, t) && roll.pitch(v, t) != Roll.EMPTY) {
            total -= d.logProb(0, v, roll.pitch(v, t), t);
            count++;
          }
        }
      }
    }
    return total / Math.max(1, count);
  }

  public static double baseline(MarkovBaseline baseline, List<Roll> rolls) {
    double total = 0;
    long count = 0;
    for (Roll roll : rolls) {
      double[] r = baseline.nll(roll);
      total += r[0];
      count += (long) r[1];
    }
    return total / Math.max(1, count);
  }
}
