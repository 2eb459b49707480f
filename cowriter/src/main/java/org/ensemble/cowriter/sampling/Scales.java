package org.ensemble.cowriter.sampling;

/** Pitch-class facts the sliders and metrics use. */
public final class Scales {
  private Scales() {}

  /** Degrees (semitones above the tonic) of the major scale. */
  private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
  /** Minor in all three forms: natural, plus the raised 6th and 7th of the melodic and harmonic forms. */
  private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 9, 10, 11};

  public static boolean inKey(int midi, int tonic, boolean minor) {
    int degree = Math.floorMod(midi - tonic, 12);
    for (int d : minor ? MINOR : MAJOR) {
      if (d == degree) {
        return true;
      }
    }
    return false;
  }

  /** +1 for the major mode's own degrees (3, 6, 7), −1 for the minor mode's (♭3, ♭6, ♭7), else 0. */
  public static int modeColour(int midi, int tonic) {
    return switch (Math.floorMod(midi - tonic, 12)) {
      case 4, 9, 11 -> 1;
      case 3, 8, 10 -> -1;
      default -> 0;
    };
  }
}
