package org.ensemble.cowriter.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * Converts a batch of equally long rolls into the network's input and its logits into
 * log-probabilities per cell. Only converts: no sampling, no state.
 */
public final class InfillTranslator implements Translator<List<Roll>, Distributions> {
  private final ModelSpec spec;

  public InfillTranslator(ModelSpec spec) {
    this.spec = spec;
  }

  /** The input is already a batch: no stacking. */
  @Override
  public Batchifier getBatchifier() {
    return null;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<Roll> rolls) {
    int steps = rolls.get(0).steps();
    int perItem = spec.inputChannels() * steps;
    float[] input = new float[rolls.size() * perItem];
    for (int i = 0; i < rolls.size(); i++) {
      if (rolls.get(i).steps() != steps) {
        throw new IllegalArgumentException("rolls in one batch must have the same length");
      }
      rolls.get(i).encode(spec, input, i * perItem);
    }
    return new NDList(ctx.getNDManager().create(input, new Shape(rolls.size(), spec.inputChannels(), 1, steps)));
  }

  @Override
  public Distributions processOutput(TranslatorContext ctx, NDList output) {
    NDArray logits = output.singletonOrThrow();
    long batch = logits.getShape().get(0);
    long steps = logits.getShape().get(3);
    NDArray logProbs = logits.reshape(batch, ModelSpec.VOICES, spec.pitches(), steps).logSoftmax(2);
    return new Distributions(logProbs.toFloatArray(), (int) batch, spec.pitches(), (int) steps);
  }
}
