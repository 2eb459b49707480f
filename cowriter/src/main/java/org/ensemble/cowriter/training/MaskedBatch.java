package org.ensemble.cowriter.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * A batch of masked rolls with their answers: the network input, and a one-hot target that is 1 only
 * at the true pitch of each masked cell that holds a note (masked rests are not scored).
 */
public record MaskedBatch(float[] input, float[] target, int size, int steps, int scoredCells) {

  public static MaskedBatch of(List<Roll> rolls, ModelSpec spec) {
    int steps = rolls.get(0).steps();
    int p = spec.pitches();
    float[] input = new float[rolls.size() * spec.inputChannels() * steps];
    float[] target = new float[rolls.size() * ModelSpec.VOICES * p * steps];
    int scored = 0;
    for (int i = 0; i < rolls.size(); i++) {
      Roll roll = rolls.get(i);
      roll.encode(spec, input, i * spec.inputChannels() * steps);
      for (int v = 0; v < ModelSpec.VOICES; v++) {
        for (int t = 0; t < steps; t++) {
          if (roll.masked(v, t) && roll.pitch(v, t) != Roll.EMPTY) {
            target[((i * ModelSpec.VOICES + v) * p + roll.pitch(v, t)) * steps + t] = 1f;
            scored++;
          }
        }
      }
    }
    return new MaskedBatch(input, target, rolls.size(), steps, scored);
  }

  public NDArray inputArray(NDManager manager, ModelSpec spec) {
    return manager.create(input, new Shape(size, spec.inputChannels(), 1, steps));
  }

  /** Sum over scored cells of −log p(true pitch), as a scalar array (differentiable in logits). */
  public NDArray totalNll(NDArray logits, NDManager manager, ModelSpec spec) {
    NDArray logProbs = logits.reshape(size, ModelSpec.VOICES, spec.pitches(), steps).logSoftmax(2);
    NDArray t = manager.create(target, new Shape(size, ModelSpec.VOICES, spec.pitches(), steps));
    return logProbs.mul(t).sum().neg();
  }
}
