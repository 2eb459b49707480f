package org.ensemble.cowriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.Controls;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.cowriter.data.Masks;
import org.ensemble.cowriter.data.Windows;
import org.ensemble.cowriter.training.ChoraleTrainer;
import org.ensemble.cowriter.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path with a tiny model trained in seconds: data → training → saved → loaded → sampled. */
class TinyModelPipelineTest {
  @TempDir
  Path dir;
  @TempDir
  Path again;

  private static final ModelSpec SPEC = new ModelSpec(33, 52, 16, new int[] {1, 2});

  private static TrainingConfig config(Path out) {
    return new TrainingConfig(Models.choralesFile(), out, SPEC, 5, 40, 8, 64, 3e-3, 6, 8, 0, 1);
  }

  @Test
  void theSameSeedTrainsTheSameWeights() throws Exception {
    ChoraleSet data = Models.chorales();
    ChoraleTrainer.train(config(dir), data, System.err);
    ChoraleTrainer.train(config(again), data, System.err);
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("chorale-0000.params")),
        Files.readAllBytes(again.resolve("chorale-0000.params"))), "two runs with one seed give identical weights");
  }

  @Test
  void aTinyModelTrainsSavesLoadsAndHarmonizes() throws Exception {
    ChoraleSet data = Models.chorales();
    ModelSpec spec = SPEC;
    ChoraleTrainer.Report report = ChoraleTrainer.train(config(dir), data, System.err);

    assertTrue(Files.isRegularFile(dir.resolve("chorale-0000.params")), "weights saved");
    assertTrue(Files.isRegularFile(dir.resolve("training.json")), "training record saved");
    double uniform = Math.log(spec.pitches());
    assertTrue(report.validNll() < uniform, "training learned something: validation NLL " + report.validNll()
        + " is below the uniform guess " + uniform);

    try (ChoraleModel model = ChoraleModel.load(dir);
         Predictor<List<Roll>, Distributions> predictor = model.newPredictor()) {
      assertEquals(spec, model.spec());
      assertEquals(12, model.version().length());
      Roll template = Windows.window(data.test().get(0), 0, 64, 0, spec);
      Masks.span(template, 0b1110, 16, 48);
      Roll result = new GibbsSampler(predictor, spec).sample(template, 1, 3, Controls.neutral(0, false), null).get(0);
      for (int v = 0; v < 4; v++) {
        for (int t = 0; t < 64; t++) {
          if (template.masked(v, t)) {
            assertTrue(result.pitch(v, t) >= 0 && result.pitch(v, t) < spec.pitches(), "a masked cell got a pitch");
          } else {
            assertEquals(template.pitch(v, t), result.pitch(v, t), "context cell " + v + "/" + t + " unchanged");
          }
        }
      }
    }
  }
}
