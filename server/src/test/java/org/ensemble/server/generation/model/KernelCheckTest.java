package org.ensemble.server.generation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ensemble.server.generation.Models;
import org.junit.jupiter.api.Test;

/** The engine computes every convolution of the shipped network right here, and the check would see it if not. */
class KernelCheckTest {

  @Test
  void everyLayerOfTheShippedNetworkIsComputedRightOnThisCpu() throws Exception {
    ModelSpec spec = ModelSpec.fromJson(new JsonObject(Files.readString(Models.shipped().resolve(ChoraleModel.SPEC_FILE))));
    assertEquals(7, KernelCheck.layers(spec).size(), "input layer, 5 distinct dilations, output layer");
    Engines.pyTorch(1);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      SplittableRandom random = new SplittableRandom(1);
      for (KernelCheck.Layer layer : KernelCheck.layers(spec)) {
        double error = KernelCheck.error(layer, manager, random);
        assertTrue(error <= KernelCheck.TOLERANCE, layer + ": engine and plain loop differ by " + error);
      }
      assertEquals(Optional.empty(), KernelCheck.verify(spec, manager));
    }
  }

  @Test
  void theInputIsPaddedToWholeBlocksOfSixteenChannelsAndThePaddingStaysZero() throws Exception {
    ModelSpec spec = ModelSpec.fromJson(new JsonObject(Files.readString(Models.shipped().resolve(ChoraleModel.SPEC_FILE))));
    assertEquals(216, spec.encodedChannels());
    assertEquals(224, spec.inputChannels());
    Roll roll = new Roll(32, 1);
    for (int t = 0; t < 32; t++) {
      roll.setPitch(0, t, t % spec.pitches());
    }
    roll.setMasked(1, 3, true);
    float[] input = new float[spec.inputChannels() * 32];
    roll.encode(spec, input, 0);
    for (int i = spec.encodedChannels() * 32; i < input.length; i++) {
      assertEquals(0f, input[i], "padding cell " + i);
    }
  }

  @Test
  void aWrongOrNaNAnswerIsSeen() {
    KernelCheck.Layer layer = new KernelCheck.Layer(3, 2, 3, 2);
    SplittableRandom random = new SplittableRandom(5);
    float[] x = values(random, KernelCheck.BATCH * 3 * KernelCheck.STEPS);
    float[] w = values(random, 2 * 3 * 3);
    float[] b = values(random, 2);
    float[] y = new float[KernelCheck.BATCH * 2 * KernelCheck.STEPS];
    for (int n = 0; n < KernelCheck.BATCH; n++) {
      for (int o = 0; o < 2; o++) {
        for (int t = 0; t < KernelCheck.STEPS; t++) {
          double sum = b[o];
          for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
              int s = t + (j - 1) * 2;
              sum += s >= 0 && s < KernelCheck.STEPS ? w[(o * 3 + i) * 3 + j] * x[(n * 3 + i) * KernelCheck.STEPS + s] : 0;
            }
          }
          y[(n * 2 + o) * KernelCheck.STEPS + t] = (float) sum;
        }
      }
    }
    assertTrue(KernelCheck.largestDifference(layer, x, w, b, y) < 1e-5, "the exact answer passes");
    y[KernelCheck.STEPS + 7] += 0.5f;
    assertEquals(0.5, KernelCheck.largestDifference(layer, x, w, b, y), 1e-5, "one wrong cell is found");
    y[3] = Float.NaN;
    assertTrue(Double.isNaN(KernelCheck.largestDifference(layer, x, w, b, y)), "NaN is never taken for a small error");
  }

  private static float[] values(SplittableRandom random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return v;
  }
}
