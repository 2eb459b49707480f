package org.ensemble.cowriter.eval;

import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ensemble.cowriter.cli.CommandLine;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.cowriter.training.TrainingConfig;

/**
 * {@code evaluate --model DIR [--data FILE] [--split valid] [--seed S] [--sweeps N] [--temperature T] [--out FILE]}: the validation
 * negative log-likelihood per masked note at mask rates 0.25, 0.5 and 0.75 beside the Markov
 * baseline, and the harmonization metrics on the test sopranos beside Bach's. Prints Markdown tables
 * and writes the figures as JSON.
 */
public final class EvaluateCommand {
  public static final double[] RATES = {0.25, 0.5, 0.75};
  public static final long SEED = 7;

  private EvaluateCommand() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(args, "model", "data", "split", "seed", "out", "harmonize", "sweeps", "temperature");
    Path modelDir = Path.of(cli.get("model", "models/chorale"));
    ChoraleSet data = ChoraleSet.read(Path.of(cli.get("data", ChoraleSet.defaultPath().toString())));
    String split = cli.get("split", "valid");
    long seed = cli.getLong("seed", SEED);
    JsonObject result = new JsonObject().put("split", split).put("seed", seed);
    StringBuilder table = new StringBuilder();
    try (ChoraleModel model = ChoraleModel.load(modelDir);
         Predictor<List<Roll>, Distributions> predictor = model.newPredictor()) {
      result.put("modelVersion", model.version());
      int maxShift = TrainingConfig.shipped(null, null).maxShift();
      MarkovBaseline baseline = MarkovBaseline.fit(data.train(), model.spec(), maxShift);
      table.append("| mask rate | network NLL | Markov baseline NLL |\n| --- | --- | --- |\n");
      JsonArray nll = new JsonArray();
      for (double rate : RATES) {
        List<Roll> rolls = MaskedNll.maskedPieces(data.split(split), model.spec(), rate, seed);
        double net = MaskedNll.network(predictor, rolls);
        double base = MaskedNll.baseline(baseline, rolls);
        nll.add(new JsonObject().put("maskRate", rate).put("network", round(net)).put("baseline", round(base)));
        table.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f |%n", rate, net, base));
      }
      result.put("nll", nll);
      if (!"false".equals(cli.get("harmonize", "true"))) {
        GibbsSampler sampler = new GibbsSampler(predictor, model.spec());
        long started = System.nanoTime();
        int sweeps = cli.getInt("sweeps", org.ensemble.cowriter.sampling.Controls.DEFAULT_GIBBS_STEPS);
        Harmonization.Result h = Harmonization.run(sampler, model.spec(), data.test(), data.train(), seed, sweeps,
            cli.getDouble("temperature", 1));
        double seconds = (System.nanoTime() - started) / 1e9;
        result.put("harmonization", new JsonObject().put("pieces", data.test().size()).put("sweeps", sweeps).put("temperature", cli.getDouble("temperature", 1)).put("seconds", round(seconds))
            .put("network", json(h.network())).put("bach", json(h.bach())));
        table.append("\n| harmonizing the ").append(data.test().size()).append(" test sopranos (").append(sweeps).append(" sweeps) | network | Bach |\n")
            .append("| --- | --- | --- |\n")
            .append(row("notes in key (%)", h.network().inKeyPercent(), h.bach().inKeyPercent()))
            .append(row("parallel 5ths/8ves per 100 chord changes", h.network().parallelsPer100Changes(), h.bach().parallelsPer100Changes()))
            .append(row("voice crossing (% of chords)", h.network().crossingPercent(), h.bach().crossingPercent()))
            .append(row("range violations (% of notes)", h.network().rangeViolationPercent(), h.bach().rangeViolationPercent()))
            .append(row("pitch-class histogram distance to Bach's (TV)", h.network().histogramDistance(), h.bach().histogramDistance()));
      }
    }
    System.out.print(table);
    if (cli.get("out", null) != null) {
      Files.writeString(Path.of(cli.get("out", null)), result.encodePrettily() + "\n");
    }
  }

  private static JsonObject json(HarmonyMetrics.Tally t) {
    return new JsonObject().put("inKeyPercent", round(t.inKeyPercent()))
        .put("parallelsPer100ChordChanges", round(t.parallelsPer100Changes()))
        .put("voiceCrossingPercent", round(t.crossingPercent()))
        .put("rangeViolationPercent", round(t.rangeViolationPercent()))
        .put("pitchClassDistance", round(t.histogramDistance()));
  }

  private static String row(String name, double network, double bach) {
    return String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, network, bach);
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
