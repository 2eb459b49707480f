package org.ensemble.cowriter.data;

/**
 * One four-voice piece on a sixteenth-note grid: {@code pitch(step, voice)} is a MIDI note number,
 * or {@link #REST} where the voice is silent. Voices are soprano, alto, tenor, bass (0–3).
 */
public record Chorale(int[][] steps) {
  public static final int REST = -1;
  public static final int VOICES = 4;

  public int length() {
    return steps.length;
  }

  public int pitch(int step, int voice) {
    return steps[step][voice];
  }
}
