package org.ensemble.cowriter.sampling;

import java.util.SplittableRandom;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * Draws one cell's pitch from the network's distribution, shaped by the controls: temperature,
 * the mode, hold and keep biases, the note-length prior, and the locks — key and range (locked-out
 * pitches get no chance) and strict part-writing (only the pitches that break the fewest rules).
 */
final class CellSampler {
  private final Controls controls;
  private final double[] modeBias;
  private final boolean[][] allowed;
  private final float[] logProbs;
  private final double[] sums;
  private final double[] weights;
  private final int[] violations;
  private final HoldPrior holds = HoldPrior.training();
  private final StrictPartWriting rules;

  CellSampler(ModelSpec spec, Controls controls) {
    this.controls = controls;
    int pitches = spec.pitches();
    logProbs = new float[pitches];
    sums = new double[pitches];
    weights = new double[pitches];
    violations = new int[pitches];
    modeBias = new double[pitches];
    allowed = new boolean[ModelSpec.VOICES][pitches];
    rules = controls.strict() ? new StrictPartWriting(spec, controls.tonic()) : null;
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

  /**
   * @param state       the candidate as it stands (the neighbours of the cell are read from it)
   * @param current     the cell's pitch in the project now (the similarity slider's target)
   * @param temperature this sweep's temperature
   */
  int sample(Distributions answer, int item, Roll state, int voice, int step, int current, double temperature,
             SplittableRandom rng) {
    answer.cell(item, voice, step, logProbs);
    int previous = step > 0 ? state.pitch(voice, step - 1) : Roll.EMPTY;
    int next = step + 1 < state.steps() ? state.pitch(voice, step + 1) : Roll.EMPTY;
    boolean anyAllowed = false;
    for (int p = 0; p < logProbs.length; p++) {
      anyAllowed |= allowed[voice][p];
    }
    int fewest = 0;
    if (rules != null) {
      fewest = Integer.MAX_VALUE;
      for (int p = 0; p < logProbs.length; p++) {
        if (!anyAllowed || allowed[voice][p]) {
          violations[p] = rules.violations(state, voice, step, p);
          fewest = Math.min(fewest, violations[p]);
        }
      }
    }
    double holdBack = controls.holdBias();
    double holdAhead = 0;
    if (controls.notePrior() != 0) {
      int sixteenth = Math.floorMod(state.phase() + step, ModelSpec.STEPS_PER_QUARTER);
      holdBack += controls.notePrior() * holds.logOdds(voice, sixteenth);
      holdAhead = controls.notePrior() * holds.logOdds(voice, (sixteenth + 1) % ModelSpec.STEPS_PER_QUARTER);
    }
    for (int p = 0; p < logProbs.length; p++) {
      if ((anyAllowed && !allowed[voice][p]) || (rules != null && violations[p] > fewest)) {
        weights[p] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double logit = logProbs[p] / temperature + modeBias[p];
      if (p == previous) {
        logit += holdBack;
      }
      if (p == next && step + 1 < state.steps() && !state.masked(voice, step + 1)) {
        logit += holdAhead;
      }
      if (p == current) {
        logit += controls.keepBias();
      }
      weights[p] = logit;
    }
    return draw(current, rng);
  }

  /**
   * Draws one pitch for the whole run of cells [{@code from}, {@code to}) of {@code voice} (a note):
   * the network's log-probabilities averaged over the run (the geometric mean of its cells'
   * distributions, so a long note is no more certain than a short one), the locks counted on every
   * cell of the run with the run set to the candidate pitch, never the pitch of the note before or after
   * (the note keeps its length). Sets the run's cells and returns the pitch (the current one where no
   * other is allowed).
   */
  int sampleNote(Distributions answer, int item, Roll state, int voice, int from, int to, int current,
                 double temperature, SplittableRandom rng) {
    java.util.Arrays.fill(sums, 0);
    for (int t = from; t < to; t++) {
      answer.cell(item, voice, t, logProbs);
      for (int p = 0; p < sums.length; p++) {
        sums[p] += logProbs[p];
      }
    }
    int length = to - from;
    int previous = from > 0 ? state.pitch(voice, from - 1) : Roll.EMPTY;
    int next = to < state.steps() ? state.pitch(voice, to) : Roll.EMPTY;
    boolean anyAllowed = false;
    for (int p = 0; p < sums.length; p++) {
      anyAllowed |= allowed[voice][p] && p != previous && p != next;
    }
    int kept = state.pitch(voice, from);
    if (!anyAllowed) {
      return kept;
    }
    int fewest = 0;
    if (rules != null) {
      fewest = Integer.MAX_VALUE;
      for (int p = 0; p < sums.length; p++) {
        if (allowed[voice][p] && p != previous && p != next) {
          violations[p] = 0;
          for (int t = from; t < to; t++) {
            state.setPitch(voice, t, p);
          }
          for (int t = from; t < to; t++) {
            violations[p] += rules.violations(state, voice, t, p);
          }
          fewest = Math.min(fewest, violations[p]);
        }
      }
      for (int t = from; t < to; t++) {
        state.setPitch(voice, t, kept);
      }
    }
    for (int p = 0; p < sums.length; p++) {
      // The note keeps its length: its neighbours' pitches would join it to them (drawn note by note,
      // notes only ever joined, and the voices thinned to 1.6 notes per bar against Bach's 3.6).
      if (!allowed[voice][p] || p == previous || p == next || (rules != null && violations[p] > fewest)) {
        weights[p] = Double.NEGATIVE_INFINITY;
        continue;
      }
      weights[p] = sums[p] / length / temperature + modeBias[p] + (p == current ? controls.keepBias() : 0);
    }
    int pitch = draw(kept, rng);
    for (int t = from; t < to; t++) {
      state.setPitch(voice, t, pitch);
    }
    return pitch;
  }

  /**
   * Draws from {@link #weights}, which hold logits (−∞: not allowed), exponentiated here in place;
   * {@code fallback} where none is allowed.
   */
  private int draw(int fallback, SplittableRandom rng) {
    double max = Double.NEGATIVE_INFINITY;
    for (double w : weights) {
      max = Math.max(max, w);
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
    return fallback == Roll.EMPTY ? 0 : fallback;
  }
}
