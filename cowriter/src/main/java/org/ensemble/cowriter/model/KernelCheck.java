package org.ensemble.cowriter.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Checks, before weights are trusted to the engine, that it computes every convolution shape of a
 * network right on this CPU: random weights and inputs, the engine's answer against a plain loop.
 *
 * <p>Why: the native kernels are chosen per CPU, and a wrong one fails silently. PyTorch 2.7.1's oneDNN
 * computed a 216-channel input wrongly on AVX-512 (errors of order 1), which a model trained there
 * learned around, so the same weights scored differently on other CPUs (and NaN on one).
 */
public final class KernelCheck {
  /** Steps and batch of the probe: like an inference call, long enough for the kernels' blocking. */
  static final int STEPS = 96;
  static final int BATCH = 2;
  /** Float32 sums of a few hundred products agree with doubles to ~1e-5; a wrong kernel is off by ~1. */
  static final double TOLERANCE = 1e-3;

  /** One convolution along time: channels in and out, kernel width, dilation. */
  public record Layer(int in, int out, int kernel, int dilation) {
    @Override
    public String toString() {
      return in + "→" + out + " channels, kernel " + kernel + ", dilation " + dilation;
    }
  }

  private KernelCheck() {}

  /** The distinct convolution shapes of {@link ChoraleNet#build}. */
  public static Set<Layer> layers(ModelSpec spec) {
    Set<Layer> layers = new LinkedHashSet<>();
    layers.add(new Layer(spec.inputChannels(), spec.channels(), 3, 1));
    for (int d : spec.dilations()) {
      layers.add(new Layer(spec.channels(), spec.channels(), 3, d));
    }
    layers.add(new Layer(spec.channels(), spec.outputChannels(), 1, 1));
    return layers;
  }

  /** Empty if every layer of the spec is computed right; otherwise what is wrong, for an operator. */
  public static Optional<String> verify(ModelSpec spec, NDManager parent) {
    try (NDManager manager = parent.newSubManager()) {
      SplittableRandom random = new SplittableRandom(spec.hashCode());
      for (Layer layer : layers(spec)) {
        double error = error(layer, manager, random);
        if (!(error <= TOLERANCE)) {
          return Optional.of("the PyTorch engine computes a convolution of this network wrongly on this CPU ("
              + layer + ": largest error " + error + " against a plain loop); its answers would be wrong."
              + " Try other native kernels with the environment variable ONEDNN_MAX_CPU_ISA=AVX2");
        }
      }
    }
    return Optional.empty();
  }

  /** The largest difference between the engine's and a plain loop's output (NaN if the engine gave NaN). */
  static double error(Layer layer, NDManager manager, SplittableRandom random) {
    Block conv = TimeConv.of(layer.out(), layer.kernel(), layer.dilation());
    conv.initialize(manager, DataType.FLOAT32, new Shape(BATCH, layer.in(), 1, STEPS));
    float[] x = new float[BATCH * layer.in() * STEPS];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    NDArray input = manager.create(x, new Shape(BATCH, layer.in(), 1, STEPS));
    float[] y = conv.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow().toFloatArray();
    float[] w = conv.getParameters().get("weight").getArray().toFloatArray();
    float[] b = conv.getParameters().get("bias").getArray().toFloatArray();
    return largestDifference(layer, x, w, b, y);
  }

  /**
   * Compares {@code y} with the convolution of {@code x} (batch, in, steps) by weights {@code w}
   * (out, in, kernel) and bias {@code b}, zero-padded to keep the length.
   */
  static double largestDifference(Layer layer, float[] x, float[] w, float[] b, float[] y) {
    int in = layer.in();
    int out = layer.out();
    int k = layer.kernel();
    int reach = layer.dilation() * (k - 1) / 2;
    double largest = 0;
    for (int n = 0; n < BATCH; n++) {
      for (int o = 0; o < out; o++) {
        for (int t = 0; t < STEPS; t++) {
          double sum = b[o];
          for (int i = 0; i < in; i++) {
            int xRow = (n * in + i) * STEPS;
            int wRow = (o * in + i) * k;
            for (int j = 0; j < k; j++) {
              int s = t - reach + j * layer.dilation();
              if (s >= 0 && s < STEPS) {
                sum += w[wRow + j] * x[xRow + s];
              }
            }
          }
          largest = Math.max(largest, Math.abs(sum - y[(n * out + o) * STEPS + t])); // NaN stays NaN
        }
      }
    }
    return largest;
  }
}
