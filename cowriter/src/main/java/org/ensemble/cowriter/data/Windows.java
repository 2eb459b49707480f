package org.ensemble.cowriter.data;

import java.util.SplittableRandom;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * Cuts chorales into the rolls the network trains and is evaluated on: a window of steps, transposed
 * by a number of semitones. Steps past a piece's end, rests and pitches outside the model's range
 * become empty cells.
 */
public final class Windows {
  private Windows() {}

  public static Roll window(Chorale piece, int start, int length, int semitones, ModelSpec spec) {
    Roll roll = new Roll(length, start);
    for (int t = 0; t < length && start + t < piece.length(); t++) {
      for (int v = 0; v < Chorale.VOICES; v++) {
        int midi = piece.pitch(start + t, v);
        roll.setPitch(v, t, midi == Chorale.REST ? Roll.EMPTY : spec.index(midi + semitones));
      }
    }
    return roll;
  }

  /**
   * A random transposition within ±{@code maxShift} semitones that keeps every note of the window in
   * the model's range (0 when none does).
   */
  public static int randomShift(Chorale piece, int start, int length, int maxShift, ModelSpec spec, SplittableRandom rng) {
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (int t = start; t < Math.min(piece.length(), start + length); t++) {
      for (int v = 0; v < Chorale.VOICES; v++) {
        int midi = piece.pitch(t, v);
        if (midi != Chorale.REST) {
          low = Math.min(low, midi);
          high = Math.max(high, midi);
        }
      }
    }
    if (low == Integer.MAX_VALUE) {
      return 0;
    }
    int down = Math.max(-maxShift, spec.lowPitch() - low);
    int up = Math.min(maxShift, spec.lowPitch() + spec.pitches() - 1 - high);
    return down > up ? 0 : down + rng.nextInt(up - down + 1);
  }
}
