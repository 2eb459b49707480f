package org.ensemble.cowriter.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Optional;
import org.ensemble.cowriter.Models;
import org.junit.jupiter.api.Test;

/** The engine computes every convolution of the shipped network right here, and the check would see it if not. */
class KernelCheckTest {

  private static ModelSpec shippedSpec() throws Exception {
    return ModelSpec.fromJson(new JsonObject(Files.readString(Models.shipped().resolve(ChoraleModel.SPEC_FILE))));
  }

  @Test
  void everyLayerOfTheShippedNetworkIsComputedRightOnThisCpu() throws Exception {
    ModelSpec spec = shippedSpec();
    assertEquals(7, KernelCheck.layers(spec).size(), "input layer, 5 distinct dilations, output layer");
    Engines.pyTorch(1);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      assertEquals(Optional.empty(), KernelCheck.verify(spec, manager));
    }
  }

  @Test
  void theInputIsPaddedToWholeBlocksOfSixteenChannelsAndThePaddingStaysZero() throws Exception {
    ModelSpec spec = shippedSpec();
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

  /** The plain loop itself, on weights whose answer is known: a tap two steps back, zero before the start. */
  @Test
  void aWrongOrNaNAnswerIsSeen() {
    KernelCheck.Layer layer = new KernelCheck.Layer(1, 1, 3, 2);
    int cells = KernelCheck.BATCH * KernelCheck.STEPS;
    float[] x = new float[cells];
    float[] y = new float[cells];
    for (int i = 0; i < cells; i++) {
      x[i] = i % 7 - 3;
    }
    for (int n = 0; n < KernelCheck.BATCH; n++) {
      for (int t = 2; t < KernelCheck.STEPS; t++) {
        y[n * KernelCheck.STEPS + t] = x[n * KernelCheck.STEPS + t - 2] + 0.25f;
      }
      y[n * KernelCheck.STEPS] = y[n * KernelCheck.STEPS + 1] = 0.25f;
    }
    float[] w = {1, 0, 0};
    float[] b = {0.25f};
    assertEquals(0, KernelCheck.largestDifference(layer, x, w, b, y), "the exact answer passes");
    y[KernelCheck.STEPS + 7] += 0.5f;
    assertEquals(0.5, KernelCheck.largestDifference(layer, x, w, b, y), 1e-6, "one wrong cell is found");
    y[3] = Float.NaN;
    assertTrue(Double.isNaN(KernelCheck.largestDifference(layer, x, w, b, y)), "NaN is never taken for a small error");
  }
}
