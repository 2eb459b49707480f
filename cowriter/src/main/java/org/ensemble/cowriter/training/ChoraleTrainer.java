package org.ensemble.cowriter.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.data.Masks;
import org.ensemble.cowriter.data.Windows;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Engines;
import org.ensemble.cowriter.model.Roll;

/**
 * Trains the infilling network: random windows of the training chorales, randomly transposed and
 * masked; the loss is the mean negative log-likelihood of the masked notes. Each step's arrays live
 * in their own sub-manager, closed at the end of the step (without it native memory grows ~12 MB a
 * step). Saves the model and {@code training.json} (config, time, losses) to the output folder.
 */
public final class ChoraleTrainer {
  /** Validation windows checked during training (the full evaluation is a separate command). */
  private static final int VALIDATION_WINDOWS = 48;

  private ChoraleTrainer() {}

  public record Report(int steps, double seconds, double trainLoss, double validNll, double cellsPerSecond) {}

  public static Report train(TrainingConfig config, ChoraleSet data, PrintStream progress) throws IOException {
    Engine engine = Engines.pyTorch(config.threads());
    engine.setRandomSeed((int) config.seed());
    SplittableRandom rng = new SplittableRandom(config.seed());
    List<Chorale> pieces = data.train().subList(0, Math.min(config.pieces(), data.train().size()));
    List<Roll> validation = validationRolls(data.valid(), config);

    try (ChoraleModel model = ChoraleModel.create(config.spec())) {
      Tracker rate = Tracker.cosine().setBaseValue((float) config.learningRate())
          .optFinalValue((float) config.learningRate() / 20).setMaxUpdates(config.steps()).build();
      DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
      long started = System.nanoTime();
      double runningLoss = Double.NaN;
      double validNll = Double.NaN;
      long cells = 0;
      try (Trainer trainer = model.djlModel().newTrainer(djlConfig)) {
        trainer.initialize(new Shape(config.batch(), config.spec().inputChannels(), 1, config.crop()));
        ProgressBar bar = new ProgressBar(progress, config.steps());
        for (int step = 1; step <= config.steps(); step++) {
          MaskedBatch batch = MaskedBatch.of(randomBatch(pieces, config, rng), config.spec());
          try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = batch.inputArray(scope, config.spec());
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
              NDArray loss = batch.totalNll(logits, scope, config.spec()).div(Math.max(1, batch.scoredCells()));
              collector.backward(loss);
              double value = loss.getFloat();
              runningLoss = Double.isNaN(runningLoss) ? value : 0.98 * runningLoss + 0.02 * value;
            }
            trainer.step();
          }
          cells += (long) batch.size() * batch.steps() * 4;
          if (step == config.steps() || (config.evalEvery() > 0 && step % config.evalEvery() == 0)) {
            validNll = validationNll(trainer, validation, config);
          }
          bar.update(step, runningLoss, validNll, cells);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      model.save(config.out());
      Report report = new Report(config.steps(), seconds, runningLoss, validNll, cells / seconds);
      writeRecord(config, report, pieces.size());
      return report;
    }
  }

  private static List<Roll> randomBatch(List<Chorale> pieces, TrainingConfig config, SplittableRandom rng) {
    List<Roll> rolls = new ArrayList<>(config.batch());
    for (int i = 0; i < config.batch(); i++) {
      Chorale piece = pieces.get(rng.nextInt(pieces.size()));
      int start = piece.length() > config.crop() ? rng.nextInt(piece.length() - config.crop() + 1) : 0;
      int shift = Windows.randomShift(piece, start, config.crop(), config.maxShift(), config.spec(), rng);
      Roll roll = Windows.window(piece, start, config.crop(), shift, config.spec());
      Masks.training(roll, rng);
      rolls.add(roll);
    }
    return rolls;
  }

  /** Fixed windows of the validation split, half of their cells masked, the same every time. */
  private static List<Roll> validationRolls(List<Chorale> valid, TrainingConfig config) {
    SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5eed);
    List<Roll> rolls = new ArrayList<>();
    for (int i = 0; rolls.size() < VALIDATION_WINDOWS && i < valid.size(); i++) {
      Chorale piece = valid.get(i);
      for (int start = 0; start + config.crop() <= piece.length() && rolls.size() < VALIDATION_WINDOWS; start += config.crop()) {
        Roll roll = Windows.window(piece, start, config.crop(), 0, config.spec());
        Masks.bernoulli(roll, 0.5, rng);
        rolls.add(roll);
      }
    }
    return rolls;
  }

  private static double validationNll(Trainer trainer, List<Roll> rolls, TrainingConfig config) {
    double total = 0;
    long scored = 0;
    for (int i = 0; i < rolls.size(); i += config.batch()) {
      MaskedBatch batch = MaskedBatch.of(rolls.subList(i, Math.min(rolls.size(), i + config.batch())), config.spec());
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDArray logits = trainer.evaluate(new NDList(batch.inputArray(scope, config.spec()))).singletonOrThrow();
        total += batch.totalNll(logits, scope, config.spec()).getFloat();
        scored += batch.scoredCells();
      }
    }
    return total / Math.max(1, scored);
  }

  private static void writeRecord(TrainingConfig config, Report report, int pieces) throws IOException {
    JsonObject record = new JsonObject()
        .put("spec", config.spec().toJson())
        .put("seed", config.seed()).put("steps", config.steps()).put("batch", config.batch())
        .put("crop", config.crop()).put("learningRate", config.learningRate()).put("maxShift", config.maxShift())
        .put("pieces", pieces).put("threads", config.threads())
        .put("seconds", Math.round(report.seconds() * 10) / 10.0)
        .put("trainLoss", report.trainLoss()).put("validNllHalfMasked", report.validNll())
        .put("cellsPerSecond", Math.round(report.cellsPerSecond()));
    Files.writeString(config.out().resolve("training.json"), record.encodePrettily() + "\n");
  }
}
