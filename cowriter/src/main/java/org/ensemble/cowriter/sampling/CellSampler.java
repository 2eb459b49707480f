package org.ensemble.cowriter.sampling;

import java.util.SplittableRandom;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * Draws one cell's pitch from the network's distribution, shaped by the controls: temperature,
 * the mode, hold and keep biases, and the key and range locks (locked-out pitches get no chance).
 */
final class CellSampler {
  private final ModelSpec spec;
  private final Controls controls;
  private final double[] modeBias;
  private final boolean[][] allowed;
  private final float[] logProbs;
  private final double[] weights;

  CellSampler(ModelSpec spec, Controls controls) {
    this.spec = spec;
    this.controls = controls;
    int pitches = spec.pitches();
    logProbs = new float[pitches];
    weights = new double[pitches];
    modeBias = new double[pitches];
    allowed = new boolean[ModelSpec.VOICES][pitches];
    for (int p = 0; p < pitches; p++) {
      int midi = spec.midi(p);
      modeBias[p] = controls.majorBias() * Scales.modeColour(midi, controls.tonic());
      for (int v = 0; v < ModelSpec.VOICES; v++) {
        boolean key = !controls.keyLock() || Scales.inKey(midi, controls.tonic(), controls.minor());
        int[] range = controls.ranges() == null ? null : controls.ranges()[v];
        boolean inRange = range == null || (midi >= range[0] && midi <= range[1]);
        allowed[v][p] = key && inRange;
      }
    }
  }

  int sample(Distributions answer, int item, int voice, int step, int previous, int current, SplittableRandom rng) {
    answer.cell(item, voice, step, logProbs);
    double max = Double.NEGATIVE_INFINITY;
    boolean anyAllowed = false;
    for (int p = 0; p < logProbs.length; p++) {
      anyAllowed |= allowed[voice][p];
    }
    for (int p = 0; p < logProbs.length; p++) {
      if (anyAllowed && !allowed[voice][p]) {
        weights[p] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double logit = logProbs[p] / controls.temperature() + modeBias[p];
      if (p == previous) {
        logit += controls.holdBias();
      }
      if (p == current) {
        logit += controls.keepBias();
      }
      weights[p] = logit;
      max = Math.max(max, logit);
    }
    double total = 0;
    for (int p = 0; p < weights.length; p++) {
      weights[p] = weights[p] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(weights[p] - max);
      total += weights[p];
    }
    double u = rng.nextDouble() * total;
    for (int p = 0; p < weights.length; p++) {
      u -= weights[p];
      if (u < 0 && weights[p] > 0) {
        return p;
      }
    }
    for (int p = weights.length - 1; p >= 0; p--) {
      if (weights[p] > 0) {
        return p;
      }
    }
    return current == Roll.EMPTY ? 0 : current;
  }
}
