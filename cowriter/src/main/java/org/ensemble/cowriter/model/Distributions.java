package org.ensemble.cowriter.model;

/**
 * The network's answer for a batch of rolls: log-probabilities, laid out (batch, voice, pitch, step).
 */
public record Distributions(float[] logProbs, int batch, int pitches, int steps) {

  public float logProb(int item, int voice, int pitch, int step) {
    return logProbs[((item * ModelSpec.VOICES + voice) * pitches + pitch) * steps + step];
  }

  /** Copies one cell's log-probabilities over all pitches into {@code out}. */
  public void cell(int item, int voice, int step, float[] out) {
    int base = (item * ModelSpec.VOICES + voice) * pitches * steps + step;
    for (int p = 0; p < pitches; p++) {
      out[p] = logProbs[base + p * steps];
    }
  }
}
