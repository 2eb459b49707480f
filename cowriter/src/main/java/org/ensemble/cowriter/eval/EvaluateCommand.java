package org.ensemble.cowriter.eval;

import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ensemble.cowriter.cli.CommandLine;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.Controls;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.cowriter.sampling.Resampling;
import org.ensemble.cowriter.training.TrainingConfig;

/**
 * {@code evaluate --model DIR [--data FILE] [--split valid] [--seed S] [--nll true] [--harmonize test|valid|false]
 * [--mode harmonize|melody|variation] [--definitions false] [--request JSON] [--sweeps N] [--note-prior W]
 * [--settle F] [--resampling cells|notes|alternate] [--out FILE]}: the validation negative
 * log-likelihood per masked note at mask rates 0.25, 0.5 and 0.75 beside the Markov baseline, and
 * issue 15's part-writing table: the sopranos of a split harmonized through the API's code path
 * ({@link Harmonization}) beside Bach's own, with the studio's defaults, with the strict
 * part-writing lock off, and with the key and range locks on — or with the one {@code --request}'s
 * fields. {@code --sweeps}, {@code --note-prior} and {@code --settle} change the sampling controls
 * (for tuning; without them the figures are exactly the API's). {@code --mode melody} writes the soprano
 * over Bach's lower voices and measures it against his sopranos, {@code --mode variation} varies whole
 * pieces ({@link Harmonization}); {@code --definitions true} adds Bach's parallels under each reading
 * of "parallel" ({@link ParallelDefinition}). Prints Markdown, writes JSON.
 */
public final class EvaluateCommand {
  public static final double[] RATES = {0.25, 0.5, 0.75};
  public static final long SEED = 7;

  private EvaluateCommand() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(args, "model", "data", "split", "seed", "out", "nll", "harmonize", "request",
        "sweeps", "note-prior", "settle", "temperature", "mode", "definitions", "resampling");
    Path modelDir = Path.of(cli.get("model", "models/chorale"));
    ChoraleSet data = ChoraleSet.read(Path.of(cli.get("data", ChoraleSet.defaultPath().toString())));
    String split = cli.get("split", "valid");
    long seed = cli.getLong("seed", SEED);
    JsonObject result = new JsonObject().put("split", split).put("seed", seed);
    StringBuilder table = new StringBuilder();
    try (ChoraleModel model = ChoraleModel.load(modelDir);
         Predictor<List<Roll>, Distributions> predictor = model.newPredictor()) {
      result.put("modelVersion", model.version());
      if (!"false".equals(cli.get("nll", "true"))) {
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
        table.append('\n');
      }
      String harmonize = cli.get("harmonize", "test");
      if ("true".equals(cli.get("definitions", "false"))) {
        table.append(definitionsTable(data)).append('\n');
      }
      if (!"false".equals(harmonize)) {
        String mode = cli.get("mode", "harmonize");
        Map<String, JsonObject> variants = new LinkedHashMap<>();
        JsonObject inMode = new JsonObject().put("mode", mode);
        if (cli.get("request", null) != null) {
          variants.put("Ensemble (" + cli.get("request", null) + ")", inMode.copy().mergeIn(new JsonObject(cli.get("request", null))));
        } else {
          variants.put("Ensemble (studio defaults: strict lock on)", inMode.copy());
          variants.put("Ensemble (strict lock off)", inMode.copy().put("strictLock", false));
          if ("harmonize".equals(mode)) {
            variants.put("Ensemble (key + range + strict lock)", inMode.copy().put("keyLock", true).put("rangeLock", true));
          }
        }
        UnaryOperator<Controls> tune = tuning(cli);
        GibbsSampler sampler = new GibbsSampler(predictor, model.spec());
        List<String> names = new ArrayList<>(List.of("Bach's own"));
        List<Harmonization.Result> results = new ArrayList<>();
        JsonArray runs = new JsonArray();
        for (Map.Entry<String, JsonObject> variant : variants.entrySet()) {
          long started = System.nanoTime();
          Harmonization.Result h = Harmonization.run(sampler, model.spec(), data.split(harmonize), data.train(), seed,
              variant.getValue(), tune);
          double seconds = (System.nanoTime() - started) / 1e9;
          names.add(variant.getKey());
          results.add(h);
          runs.add(new JsonObject().put("name", variant.getKey()).put("request", variant.getValue())
              .put("seconds", round(seconds)).put("notesPastMelody", h.notesPastMelody())
              .put("network", json(h.network(), h.reference())));
        }
        Harmonization.Result first = results.get(0);
        result.put("harmonization", new JsonObject().put("mode", mode).put("split", harmonize).put("pieces", data.split(harmonize).size())
            .put("tuning", new JsonObject().put("sweeps", cli.get("sweeps", null)).put("notePrior", cli.get("note-prior", null))
                .put("settle", cli.get("settle", null)).put("temperature", cli.get("temperature", null))
                .put("resampling", cli.get("resampling", null)))
            .put("bach", json(first.bach(), first.reference())).put("runs", runs));
        table.append(harmonizationTable(mode, harmonize, data.split(harmonize).size(), names, results));
      }
    }
    System.out.print(table);
    if (cli.get("out", null) != null) {
      Files.writeString(Path.of(cli.get("out", null)), result.encodePrettily() + "\n");
    }
  }

  private static UnaryOperator<Controls> tuning(CommandLine cli) {
    String sweeps = cli.get("sweeps", null);
    String prior = cli.get("note-prior", null);
    String settle = cli.get("settle", null);
    String temperature = cli.get("temperature", null);
    String resampling = cli.get("resampling", null);
    return c -> {
      Controls t = c;
      if (sweeps != null) t = t.withGibbsSteps(Integer.parseInt(sweeps));
      if (prior != null) t = t.withNotePrior(Double.parseDouble(prior));
      if (settle != null) t = t.withSettle(Double.parseDouble(settle));
      if (temperature != null) t = t.withTemperature(Double.parseDouble(temperature));
      if (resampling != null) t = t.withResampling(Resampling.valueOf(resampling.toUpperCase(Locale.ROOT)));
      return t;
    };
  }

  /** Bach's parallels on each split under each reading of "parallel" ({@link ParallelDefinition#readings()}). */
  static String definitionsTable(ChoraleSet data) {
    List<String> splits = List.of("test", "valid", "train");
    StringBuilder t = new StringBuilder("| Bach's own, per 100 chord changes: fifths / octaves (chord changes)");
    for (String s : splits) {
      t.append(" | ").append(s).append(" (").append(data.split(s).size()).append(" pieces)");
    }
    t.append(" |\n|").append(" --- |".repeat(splits.size() + 1)).append('\n');
    for (ParallelDefinition d : ParallelDefinition.readings()) {
      t.append("| ").append(d.name());
      for (String s : splits) {
        ParallelCount c = new ParallelCount(d);
        data.split(s).forEach(piece -> c.add(piece.steps()));
        t.append(String.format(Locale.ROOT, " | %.2f / %.2f (%,d)", c.fifthsPer100Changes(), c.octavesPer100Changes(),
            c.chordChanges()));
      }
      t.append(" |\n");
    }
    return t.toString();
  }

  static String harmonizationTable(String mode, String split, int pieces, List<String> names,
                                   List<Harmonization.Result> results) {
    String what = switch (mode) {
      case "melody" -> "writing a melody over the " + pieces + " " + split + " alto/tenor/bass sets (soprano measured)";
      case "variation" -> "varying the " + pieces + " " + split + " pieces (all four voices measured)";
      case "harmonize" -> "harmonizing the " + pieces + " " + split + " sopranos";
      default -> mode + " over the " + pieces + " " + split + " pieces";
    };
    String voices = switch (mode) {
      case "melody" -> "soprano";
      case "harmonize" -> "lower-voice";
      default -> "voices'";
    };
    StringBuilder t = new StringBuilder("| " + what);
    for (String n : names) {
      t.append(" | ").append(n);
    }
    t.append(" |\n|").append(" --- |".repeat(names.size() + 1)).append('\n');
    Harmonization.Result b = results.get(0);
    row(t, "parallel fifths per 100 chord changes", "%.2f", b.bach().parallelFifthsPer100Changes(), results,
        r -> r.network().parallelFifthsPer100Changes());
    row(t, "parallel octaves/unisons per 100 chord changes", "%.2f", b.bach().parallelOctavesPer100Changes(), results,
        r -> r.network().parallelOctavesPer100Changes());
    row(t, "consecutive fifths per 100 chord changes, any motion (issue 15's count)", "%.2f",
        b.bach().consecutiveFifthsPer100Changes(), results, r -> r.network().consecutiveFifthsPer100Changes());
    row(t, "consecutive octaves/unisons per 100 chord changes, any motion (issue 15's count)", "%.2f",
        b.bach().consecutiveOctavesPer100Changes(), results, r -> r.network().consecutiveOctavesPer100Changes());
    row(t, voices + " notes that are a lone sixteenth (%)", "%.1f", b.bach().loneSixteenthPercent(), results,
        r -> r.network().loneSixteenthPercent());
    row(t, voices + " notes per voice per bar", "%.2f", b.bach().notesPerVoicePerBar(), results,
        r -> r.network().notesPerVoicePerBar());
    row(t, "leaps wider than a fifth (% of " + voices + " moves)", "%.1f", b.bach().wideLeapPercent(), results,
        r -> r.network().wideLeapPercent());
    row(t, "steps: moves of a tone or less (% of " + voices + " moves)", "%.1f", b.bach().stepPercent(), results,
        r -> r.network().stepPercent());
    row(t, "notes in the key (%)", "%.1f", b.bach().inKeyPercent(), results, r -> r.network().inKeyPercent());
    row(t, "range violations (%)", "%.2f", b.bach().rangeViolationPercent(), results,
        r -> r.network().rangeViolationPercent());
    row(t, "pitch-class profile JS divergence to the training set's", "%.4f", b.bach().profileDivergence(b.reference()),
        results, r -> r.network().profileDivergence(r.reference()));
    row(t, "voice crossing (% of chords)", "%.2f", b.bach().crossingPercent(), results, r -> r.network().crossingPercent());
    if ("harmonize".equals(mode)) {
      row(t, "notes past the melody's end", "%.0f", 0, results, r -> r.notesPastMelody());
    }
    return t.toString();
  }

  private static void row(StringBuilder t, String name, String format, double bach, List<Harmonization.Result> results,
                          java.util.function.ToDoubleFunction<Harmonization.Result> figure) {
    t.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, format, bach));
    for (Harmonization.Result r : results) {
      t.append(" | ").append(String.format(Locale.ROOT, format, figure.applyAsDouble(r)));
    }
    t.append(" |\n");
  }

  private static JsonObject json(HarmonyMetrics.Tally t, double[] reference) {
    return new JsonObject()
        .put("parallelFifthsPer100ChordChanges", round(t.parallelFifthsPer100Changes()))
        .put("parallelOctavesPer100ChordChanges", round(t.parallelOctavesPer100Changes()))
        .put("consecutiveFifthsPer100ChordChanges", round(t.consecutiveFifthsPer100Changes()))
        .put("consecutiveOctavesPer100ChordChanges", round(t.consecutiveOctavesPer100Changes()))
        .put("stepPercent", round(t.stepPercent()))
        .put("loneSixteenthPercent", round(t.loneSixteenthPercent()))
        .put("notesPerVoicePerBar", round(t.notesPerVoicePerBar()))
        .put("wideLeapPercent", round(t.wideLeapPercent()))
        .put("inKeyPercent", round(t.inKeyPercent()))
        .put("rangeViolationPercent", round(t.rangeViolationPercent()))
        .put("profileJsDivergence", Math.round(t.profileDivergence(reference) * 1e5) / 1e5)
        .put("voiceCrossingPercent", round(t.crossingPercent()))
        .put("profile", profile(t.profile()));
  }

  /** Key-relative pitch-class shares, tonic first. */
  private static JsonArray profile(double[] shares) {
    JsonArray a = new JsonArray();
    for (double x : shares) {
      a.add(Math.round(x * 1e4) / 1e4);
    }
    return a;
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
