package org.ensemble.schema;

/**
 * A MIDI pitch as a written note: letter, alteration and octave. The key decides black keys: keys
 * with flats spell them as flats (B flat, E flat…), the others as sharps. Middle C (60) is C4.
 */
record PitchSpelling(char step, int alter, int octave) {
  private static final char[] SHARP_STEPS = {'C', 'C', 'D', 'D', 'E', 'F', 'F', 'G', 'G', 'A', 'A', 'B'};
  private static final int[] SHARP_ALTERS = {0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0};
  private static final char[] FLAT_STEPS = {'C', 'D', 'D', 'E', 'E', 'F', 'G', 'G', 'A', 'A', 'B', 'B'};
  private static final int[] FLAT_ALTERS = {0, -1, 0, -1, 0, 0, -1, 0, -1, 0, -1, 0};
  private static final int OCTAVE = 12;

  static PitchSpelling of(int pitch, int keyFifths) {
    int pc = Math.floorMod(pitch, OCTAVE);
    int octave = Math.floorDiv(pitch, OCTAVE) - 1;
    return keyFifths < 0 ? new PitchSpelling(FLAT_STEPS[pc], FLAT_ALTERS[pc], octave)
        : new PitchSpelling(SHARP_STEPS[pc], SHARP_ALTERS[pc], octave);
  }

  /** The MIDI pitch this spelling sounds (the inverse of {@link #of}). */
  int pitch() {
    int base = switch (step) {
      case 'C' -> 0;
      case 'D' -> 2;
      case 'E' -> 4;
      case 'F' -> 5;
      case 'G' -> 7;
      case 'A' -> 9;
      default -> 11;
    };
    return (octave + 1) * OCTAVE + base + alter;
  }
}
