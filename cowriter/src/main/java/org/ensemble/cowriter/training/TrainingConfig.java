package org.ensemble.cowriter.training;

import java.nio.file.Path;
import org.ensemble.cowriter.model.ModelSpec;

/**
 * Everything that decides a training run; the same config and seed reproduce the same model.
 *
 * @param pieces    how many training pieces to use (all when larger than the split)
 * @param crop      steps per training window (sixteenths)
 * @param maxShift  transposition augmentation: up to this many semitones either way
 * @param evalEvery steps between validation checks (0: only at the end)
 * @param threads   OpenMP threads for training
 */
public record TrainingConfig(Path data, Path out, ModelSpec spec, long seed, int steps, int batch, int crop,
                             double learningRate, int maxShift, int pieces, int evalEvery, int threads) {

  /** The shipped model's settings (see MODEL_CARD.md). */
  public static TrainingConfig shipped(Path data, Path out) {
    return new TrainingConfig(data, out, new ModelSpec(33, 52, 128, new int[] {1, 2, 4, 8, 16, 1, 2, 4, 8, 16}),
        20261126L, 9000, 16, 128, 1.5e-3, 6, Integer.MAX_VALUE, 500, 2);
  }
}
