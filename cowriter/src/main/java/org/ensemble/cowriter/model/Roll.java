package org.ensemble.cowriter.model;

/**
 * A four-voice piano roll as the network sees it: for each voice and step a pitch index, or
 * {@link #EMPTY} (a rest, or a pitch outside the model's range), and whether the cell is masked —
 * hidden from the network and to be predicted. Mutable: the sampler fills masked cells in place.
 */
public final class Roll {
  public static final int EMPTY = -1;

  private final int[][] pitch;
  private final boolean[][] masked;
  private final int phase;

  /** A roll whose step 0 falls on a quarter-note beat. */
  public Roll(int steps) {
    this(steps, 0);
  }

  /** @param phase the sixteenth within its quarter note (0–3) at which step 0 lies */
  public Roll(int steps, int phase) {
    this.phase = Math.floorMod(phase, ModelSpec.STEPS_PER_QUARTER);
    pitch = new int[ModelSpec.VOICES][steps];
    masked = new boolean[ModelSpec.VOICES][steps];
    for (int[] row : pitch) {
      java.util.Arrays.fill(row, EMPTY);
    }
  }

  public int phase() {
    return phase;
  }

  public int steps() {
    return pitch[0].length;
  }

  public int pitch(int voice, int step) {
    return pitch[voice][step];
  }

  public void setPitch(int voice, int step, int index) {
    pitch[voice][step] = index;
  }

  public boolean masked(int voice, int step) {
    return masked[voice][step];
  }

  public void setMasked(int voice, int step, boolean value) {
    masked[voice][step] = value;
  }

  public Roll copy() {
    Roll c = new Roll(steps(), phase);
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      System.arraycopy(pitch[v], 0, c.pitch[v], 0, steps());
      System.arraycopy(masked[v], 0, c.masked[v], 0, steps());
    }
    return c;
  }

  /**
   * Writes this roll's network input, channels × steps, into {@code out} at {@code offset}: only its
   * ones, so {@code out} must hold zeros there (the padding channels stay zero).
   */
  public void encode(ModelSpec spec, float[] out, int offset) {
    int steps = steps();
    int phaseRows = offset + (ModelSpec.VOICES * spec.pitches() + ModelSpec.VOICES) * steps;
    for (int t = 0; t < steps; t++) {
      out[phaseRows + ((phase + t) % ModelSpec.STEPS_PER_QUARTER) * steps + t] = 1f;
    }
    for (int v = 0; v < ModelSpec.VOICES; v++) {
      int maskRow = offset + (ModelSpec.VOICES * spec.pitches() + v) * steps;
      for (int t = 0; t < steps; t++) {
        if (masked[v][t]) {
          out[maskRow + t] = 1f;
        } else if (pitch[v][t] != EMPTY) {
          out[offset + (v * spec.pitches() + pitch[v][t]) * steps + t] = 1f;
        }
      }
    }
  }
}
