package org.ensemble.cowriter.data;

import java.util.SplittableRandom;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * Which cells the network must predict. Training mixes random-rate masks (Coconet's orderless NADE)
 * with the shapes users ask for: a span of time in some voices (infill, voice lanes) and whole voices
 * (harmonize a melody, write a melody over a bass).
 */
public final class Masks {
  private Masks() {}

  /** Masks every cell independently with probability {@code rate}. */
  public static void bernoulli(Roll roll, double rate, SplittableRandom rng) {
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      for (int t = 0; t < roll.steps(); t++) {
        roll.setMasked(v, t, rng.nextDouble() < rate);
      }
    }
  }

  /** One of the training mask shapes, chosen at random. */
  public static void training(Roll roll, SplittableRandom rng) {
    double kind = rng.nextDouble();
    int steps = roll.steps();
    if (kind < 0.5) {
      bernoulli(roll, 0.05 + 0.95 * rng.nextDouble(), rng);
    } else if (kind < 0.75) {
      int voices = 1 + rng.nextInt((1 << ModelSpec.VOICES) - 1); // a non-empty subset
      int length = 4 + rng.nextInt(Math.max(1, steps - 4));
      int start = rng.nextInt(Math.max(1, steps - length + 1));
      span(roll, voices, start, Math.min(steps, start + length));
    } else {
      int voices = 1 + rng.nextInt((1 << ModelSpec.VOICES) - 2); // never all four
      span(roll, voices, 0, steps);
    }
  }

  /** Masks steps [from, to) of the voices whose bits are set in {@code voiceBits}. */
  public static void span(Roll roll, int voiceBits, int from, int to) {
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      if ((voiceBits & (1 << v)) != 0) {
        for (int t = from; t < to; t++) {
          roll.setMasked(v, t, true);
        }
      }
    }
  }
}
