package org.ensemble.cowriter.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * The network's shape, saved beside the weights (spec.json) so that a loader builds the very block
 * the weights were trained in.
 *
 * @param lowPitch   MIDI note of pitch index 0
 * @param pitches    how many pitches the piano roll has, upwards from {@code lowPitch}
 * @param channels   width of every hidden convolution
 * @param dilations  one residual block per entry, each a kernel-3 convolution along time with this dilation
 */
public record ModelSpec(int lowPitch, int pitches, int channels, int[] dilations) {
  public static final int VOICES = 4;
  /** The data's grid: sixteenth notes. */
  public static final int STEPS_PER_QUARTER = 4;
  /** The input is padded to this many channels' multiple (see {@link #inputChannels}). */
  public static final int INPUT_CHANNEL_MULTIPLE = 16;

  public ModelSpec {
    if (pitches < 2 || channels < 1 || dilations.length < 1) {
      throw new IllegalArgumentException("a model needs at least 2 pitches, 1 channel and 1 block");
    }
    dilations = dilations.clone();
  }

  /** Channels that carry the input's meaning; {@link #inputChannels} pads them. */
  public int encodedChannels() {
    return VOICES * pitches + VOICES + STEPS_PER_QUARTER;
  }

  /**
   * Channels of the network's input: a one-hot piano roll per voice, one mask row per voice, then the
   * step's place in its quarter note (one-hot over the 4 sixteenths), which the convolutions cannot
   * see otherwise; then zero rows up to a multiple of {@value #INPUT_CHANNEL_MULTIPLE}.
   *
   * <p>Why the padding: PyTorch 2.7.1's oneDNN computes a kernel-3 convolution wrongly on AVX-512 when
   * its input channels are not a multiple of 16 (216 here: errors of order 1 against a plain
   * loop), and right at multiples of 16. {@link KernelCheck} guards this and any other wrong kernel.
   */
  public int inputChannels() {
    int c = encodedChannels();
    return (c + INPUT_CHANNEL_MULTIPLE - 1) / INPUT_CHANNEL_MULTIPLE * INPUT_CHANNEL_MULTIPLE;
  }

  public int outputChannels() {
    return VOICES * pitches;
  }

  /** Steps on each side of a cell that can influence its prediction. */
  public int receptiveRadius() {
    return 1 + Arrays.stream(dilations).sum();
  }

  /** Pitch index of a MIDI note, or -1 if the model's range lacks it. */
  public int index(int midi) {
    int i = midi - lowPitch;
    return i >= 0 && i < pitches ? i : -1;
  }

  public int midi(int index) {
    return lowPitch + index;
  }

  public JsonObject toJson() {
    JsonArray d = new JsonArray();
    for (int x : dilations) {
      d.add(x);
    }
    return new JsonObject().put("lowPitch", lowPitch).put("pitches", pitches).put("channels", channels)
        .put("dilations", d).put("stepsPerQuarter", STEPS_PER_QUARTER);
  }

  public static ModelSpec fromJson(JsonObject json) {
    JsonArray d = json.getJsonArray("dilations");
    int[] dilations = new int[d.size()];
    for (int i = 0; i < dilations.length; i++) {
      dilations[i] = d.getInteger(i);
    }
    return new ModelSpec(json.getInteger("lowPitch"), json.getInteger("pitches"), json.getInteger("channels"), dilations);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSpec s && s.lowPitch == lowPitch && s.pitches == pitches && s.channels == channels
        && Arrays.equals(s.dilations, dilations);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dilations) * 31 + lowPitch * 17 + pitches * 7 + channels;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
