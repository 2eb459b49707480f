package org.ensemble.cowriter.training;

import java.nio.file.Path;
import org.ensemble.cowriter.cli.CommandLine;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.model.ModelSpec;

/**
 * {@code train --out DIR [--data FILE] [--steps N] [--seed S] [--channels C] [--pieces N] [--batch B]
 * [--threads T]}: trains a model from the chorales. Without options it reproduces the shipped model.
 */
public final class TrainCommand {
  private TrainCommand() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(args, "data", "out", "steps", "seed", "channels", "pieces", "batch", "crop",
        "threads", "lr", "eval-every");
    TrainingConfig d = TrainingConfig.shipped(ChoraleSet.defaultPath(), Path.of("models/chorale"));
    ModelSpec spec = new ModelSpec(d.spec().lowPitch(), d.spec().pitches(), cli.getInt("channels", d.spec().channels()),
        d.spec().dilations());
    TrainingConfig config = new TrainingConfig(Path.of(cli.get("data", d.data().toString())),
        Path.of(cli.get("out", d.out().toString())), spec, cli.getLong("seed", d.seed()), cli.getInt("steps", d.steps()),
        cli.getInt("batch", d.batch()), cli.getInt("crop", d.crop()), cli.getDouble("lr", d.learningRate()),
        d.maxShift(), cli.getInt("pieces", d.pieces()), cli.getInt("eval-every", d.evalEvery()),
        cli.getInt("threads", d.threads()));
    System.err.println("training " + spec + " for " + config.steps() + " steps, seed " + config.seed());
    ChoraleTrainer.Report report = ChoraleTrainer.train(config, ChoraleSet.read(config.data()), System.err);
    System.err.printf("saved to %s after %.0f s: train loss %.3f, validation NLL (half masked) %.3f%n",
        config.out(), report.seconds(), report.trainLoss(), report.validNll());
  }
}
