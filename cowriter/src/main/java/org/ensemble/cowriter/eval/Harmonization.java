package org.ensemble.cowriter.eval;

import ai.djl.translate.TranslateException;
import java.util.List;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.KeyFinder;
import org.ensemble.cowriter.data.Masks;
import org.ensemble.cowriter.data.Windows;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.Controls;
import org.ensemble.cowriter.sampling.GibbsSampler;

/**
 * Harmonizes every soprano line of a split (alto, tenor and bass written afresh, whole piece at once)
 * and tallies the harmony metrics beside the same metrics of Bach's own alto, tenor and bass.
 */
public final class Harmonization {
  private static final boolean[] LOWER_VOICES = {false, true, true, true};

  private Harmonization() {}

  public record Result(HarmonyMetrics.Tally network, HarmonyMetrics.Tally bach) {}

  public static Result run(GibbsSampler sampler, ModelSpec spec, List<Chorale> pieces, List<Chorale> reference,
                           long seed, int sweeps, double temperature) throws TranslateException {
    double[] referenceHistogram = referenceHistogram(reference);
    HarmonyMetrics.Tally network = new HarmonyMetrics.Tally();
    HarmonyMetrics.Tally bach = new HarmonyMetrics.Tally();
    for (int i = 0; i < pieces.size(); i++) {
      Chorale piece = pieces.get(i);
      KeyFinder.Key key = KeyFinder.find(histogram(piece, new boolean[] {true, true, true, true}));
      Roll template = Windows.window(piece, 0, piece.length(), 0, spec);
      Masks.span(template, 0b1110, 0, piece.length());
      Roll result = sampler.sample(template, 1, seed + i, Controls.neutral(key.tonic(), key.minor()).withGibbsSteps(sweeps).withTemperature(temperature),
          null).get(0);
      network.add(toMidi(result, spec), LOWER_VOICES, key.tonic(), key.minor(), referenceHistogram);
      bach.add(piece.steps(), LOWER_VOICES, key.tonic(), key.minor(), referenceHistogram);
    }
    return new Result(network, bach);
  }

  /** Bach's alto, tenor and bass pitch classes relative to each piece's tonic, pooled and normalized. */
  static double[] referenceHistogram(List<Chorale> pieces) {
    double[] pooled = new double[12];
    for (Chorale piece : pieces) {
      KeyFinder.Key key = KeyFinder.find(histogram(piece, new boolean[] {true, true, true, true}));
      double[] h = histogram(piece, LOWER_VOICES);
      for (int pc = 0; pc < 12; pc++) {
        pooled[Math.floorMod(pc - key.tonic(), 12)] += h[pc];
      }
    }
    return HarmonyMetrics.normalize(pooled);
  }

  static double[] histogram(Chorale piece, boolean[] voices) {
    double[] h = new double[12];
    for (int[] step : piece.steps()) {
      for (int v = 0; v < 4; v++) {
        if (voices[v] && step[v] >= 0) {
          h[step[v] % 12]++;
        }
      }
    }
    return h;
  }

  static int[][] toMidi(Roll roll, ModelSpec spec) {
    int[][] steps = new int[roll.steps()][4];
    for (int t = 0; t < roll.steps(); t++) {
      for (int v = 0; v < 4; v++) {
        int p = roll.pitch(v, t);
        steps[t][v] = p == Roll.EMPTY ? -1 : spec.midi(p);
      }
    }
    return steps;
  }
}
