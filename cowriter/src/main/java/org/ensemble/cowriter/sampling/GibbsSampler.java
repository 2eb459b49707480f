package org.ensemble.cowriter.sampling;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * Blocked Gibbs sampling with an annealed masking rate (Huang et al., "Counterpoint by Convolution",
 * 2017): each sweep hides a random share of the region's cells, asks the network for all of them at
 * once given the rest, and samples them anew. The share falls from {@code maxMaskRate} to
 * {@link #MIN_MASK_RATE} over the first {@link #ANNEAL_SHARE} of the sweeps, so the candidate settles
 * from broad strokes into details; in the sweeps after that the temperature may be lowered
 * ({@link Controls#settle()}). Candidates are one batch and have their own random streams.
 */
public final class GibbsSampler {
  static final double MIN_MASK_RATE = 0.05;
  static final double ANNEAL_SHARE = 0.75;

  /** Told after every sweep; answering false cancels the sampling. */
  public interface Progress {
    boolean sweepDone(int done, int total);
  }

  private final Predictor<List<Roll>, Distributions> predictor;
  private final ModelSpec spec;

  /** @param predictor used by this sampler's thread only */
  public GibbsSampler(Predictor<List<Roll>, Distributions> predictor, ModelSpec spec) {
    this.predictor = predictor;
    this.spec = spec;
  }

  /**
   * Samples {@code candidates} versions of {@code template}'s masked cells (the region); every other
   * cell is context and is returned unchanged. The template's pitches inside the region are the
   * project's current notes: the start of a variation and the target of the similarity slider.
   */
  public List<Roll> sample(Roll template, int candidates, long seed, Controls controls, Progress progress)
      throws TranslateException {
    List<int[]> region = new ArrayList<>();
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      for (int t = 0; t < template.steps(); t++) {
        if (template.masked(v, t)) {
          region.add(new int[] {v, t});
        }
      }
    }
    SplittableRandom root = new SplittableRandom(seed);
    List<SplittableRandom> rngs = new ArrayList<>();
    List<Roll> states = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      rngs.add(root.split());
      Roll state = template.copy();
      for (int[] cell : region) {
        state.setMasked(cell[0], cell[1], false);
        if (controls.maxMaskRate() >= 1) {
          state.setPitch(cell[0], cell[1], Roll.EMPTY);
        }
      }
      states.add(state);
    }
    if (region.isEmpty()) {
      return states;
    }
    CellSampler cells = new CellSampler(spec, controls);
    int sweeps = Math.max(1, controls.gibbsSteps());
    for (int n = 0; n < sweeps; n++) {
      double rate = maskRate(n, sweeps, controls.maxMaskRate());
      double temperature = controls.temperature() * (settling(n, sweeps) ? controls.settle() : 1);
      boolean notes = controls.resampling().notesIn(n);
      List<List<int[]>> hidden = new ArrayList<>();
      for (int c = 0; c < candidates; c++) {
        hidden.add(notes ? maskNotes(states.get(c), region, rate, rngs.get(c)) : null);
        if (!notes) {
          maskRegion(states.get(c), region, rate, rngs.get(c));
        }
      }
      Distributions answer = predictor.predict(states);
      for (int c = 0; c < candidates; c++) {
        Roll state = states.get(c);
        if (notes) {
          for (int[] note : hidden.get(c)) {
            cells.sampleNote(answer, c, state, note[0], note[1], note[2], template.pitch(note[0], note[1]), temperature,
                rngs.get(c));
          }
        } else {
          for (int[] cell : region) {
            int v = cell[0];
            int t = cell[1];
            if (state.masked(v, t)) {
              state.setPitch(v, t, cells.sample(answer, c, state, v, t, template.pitch(v, t), temperature, rngs.get(c)));
            }
          }
        }
        for (int[] cell : region) {
          state.setMasked(cell[0], cell[1], false);
        }
      }
      if (progress != null && !progress.sweepDone(n + 1, sweeps)) {
        throw new CancellationException("cancelled after " + (n + 1) + " of " + sweeps + " sweeps");
      }
    }
    return states;
  }

  /** The sweeps after the masking rate has reached its floor: where {@link Controls#settle()} applies. */
  static boolean settling(int sweep, int sweeps) {
    return sweep >= Math.ceil(ANNEAL_SHARE * sweeps);
  }

  static double maskRate(int sweep, int sweeps, double maxRate) {
    double fall = (maxRate - MIN_MASK_RATE) * sweep / (ANNEAL_SHARE * sweeps);
    return Math.max(Math.min(MIN_MASK_RATE, maxRate), maxRate - fall);
  }

  /**
   * Masks whole notes: each run of one pitch among the region's cells (of one voice, consecutive
   * steps) with probability {@code rate}, and at least one. Returns the masked runs as
   * {voice, from, to} in the order of the region (voice by voice, in time).
   */
  private static List<int[]> maskNotes(Roll state, List<int[]> region, double rate, SplittableRandom rng) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < region.size(); ) {
      int v = region.get(i)[0];
      int from = region.get(i)[1];
      int pitch = state.pitch(v, from);
      int j = i + 1;
      while (j < region.size() && region.get(j)[0] == v && region.get(j)[1] == from + (j - i)
          && state.pitch(v, region.get(j)[1]) == pitch) {
        j++;
      }
      runs.add(new int[] {v, from, from + (j - i)});
      i = j;
    }
    List<int[]> masked = new ArrayList<>();
    for (int[] run : runs) {
      if (rate >= 1 || rng.nextDouble() < rate || state.pitch(run[0], run[1]) == Roll.EMPTY) {
        masked.add(run);
      }
    }
    if (masked.isEmpty()) {
      masked.add(runs.get(rng.nextInt(runs.size())));
    }
    for (int[] cell : region) {
      state.setMasked(cell[0], cell[1], false);
    }
    for (int[] run : masked) {
      for (int t = run[1]; t < run[2]; t++) {
        state.setMasked(run[0], t, true);
      }
    }
    return masked;
  }

  /** Masks each region cell with probability {@code rate}, and at least one. */
  private static void maskRegion(Roll state, List<int[]> region, double rate, SplittableRandom rng) {
    boolean any = false;
    for (int[] cell : region) {
      boolean m = rate >= 1 || rng.nextDouble() < rate || state.pitch(cell[0], cell[1]) == Roll.EMPTY;
      state.setMasked(cell[0], cell[1], m);
      any |= m;
    }
    if (!any) {
      int[] cell = region.get(rng.nextInt(region.size()));
      state.setMasked(cell[0], cell[1], true);
    }
  }
}
