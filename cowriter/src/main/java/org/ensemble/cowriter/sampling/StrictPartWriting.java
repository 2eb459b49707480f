package org.ensemble.cowriter.sampling;

import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/**
 * The "strict part-writing" lock: the rules a harmony teacher marks, checked for one candidate pitch
 * of one cell against the notes around it (the other voices at the same, the previous and the next
 * sixteenth, and the voice's own neighbours). The sampler keeps only the pitches that break the
 * fewest rules, so when every pitch breaks one (the melody itself may force it) it still writes
 * something and breaks as few as it can. The rules:
 * <ul>
 *   <li>no consecutive fifths or octaves (unisons included): two voices a perfect fifth or octave apart,
 *       modulo octaves, both moving, in the same or in contrary motion, to the same interval (a harmony
 *       teacher marks both; issue 15's figures count both);</li>
 *   <li>no leap wider than a fifth, but the octave;</li>
 *   <li>no voice crossing: a voice stays at or below the voice above it and at or above the one below;</li>
 *   <li>the leading tone, when it moves, rises to the tonic — except in an inner voice, which may also
 *       step down or fall to the fifth (the usual freedom of alto and tenor).</li>
 * </ul>
 * Pitches are the roll's indices: intervals are the same as between MIDI notes.
 */
final class StrictPartWriting {
  private static final int FIFTH = 7;
  private static final int OCTAVE = 12;

  private final ModelSpec spec;
  private final int tonic;

  StrictPartWriting(ModelSpec spec, int tonic) {
    this.spec = spec;
    this.tonic = tonic;
  }

  /** How many rules pitch {@code p} at ({@code voice}, {@code t}) breaks in {@code state}. */
  int violations(Roll state, int voice, int t, int p) {
    int count = 0;
    int before = t > 0 ? state.pitch(voice, t - 1) : Roll.EMPTY;
    int after = t + 1 < state.steps() ? state.pitch(voice, t + 1) : Roll.EMPTY;
    if (before != Roll.EMPTY && badLeap(before, p)) {
      count++;
    }
    if (after != Roll.EMPTY && badLeap(p, after)) {
      count++;
    }
    if (before != Roll.EMPTY && before != p && !resolves(voice, before, p)) {
      count++;
    }
    // The leading tone is checked from the note before only: checked against the next cell too (which
    // may be stale, still to be resampled) the lock shunned the leading tone itself, and the
    // harmonizations' pitch-class profile drifted from Bach's (JS divergence 0.0048 against 0.0024
    // on the validation split).
    for (int other = 0; other < ModelSpec.VOICES; other++) {
      if (other == voice) {
        continue;
      }
      int now = state.pitch(other, t);
      if (now == Roll.EMPTY) {
        continue;
      }
      if ((other < voice && p > now) || (other > voice && p < now)) {
        count++;
      }
      if (t > 0 && parallel(voice, other, before, p, state.pitch(other, t - 1), now)) {
        count++;
      }
      if (t + 1 < state.steps() && parallel(voice, other, p, after, now, state.pitch(other, t + 1))) {
        count++;
      }
    }
    return count;
  }

  private static boolean badLeap(int from, int to) {
    int leap = Math.abs(to - from);
    return leap > FIFTH && leap != OCTAVE;
  }

  /** Whether a move from {@code from} to {@code to} (a different pitch) treats a leading tone as the rules ask. */
  private boolean resolves(int voice, int from, int to) {
    if (Math.floorMod(spec.midi(from) - tonic, OCTAVE) != 11) {
      return true;
    }
    int step = to - from;
    if (step == 1) {
      return true;
    }
    boolean inner = voice == 1 || voice == 2;
    return inner && (step == -1 || step == -2 || step == -4);
  }

  /**
   * Voice {@code v} moves a→b while voice {@code u} moves c→d: consecutive fifths or octaves, in any
   * motion? (Similar motion only, the lock left 0.57 consecutive octaves per 100 chord changes by
   * contrary motion on the validation split, Bach 0.15; MODEL_CARD.md.)
   */
  private static boolean parallel(int v, int u, int a, int b, int c, int d) {
    if (a == Roll.EMPTY || b == Roll.EMPTY || c == Roll.EMPTY || d == Roll.EMPTY || a == b || c == d) {
      return false;
    }
    int upper = v < u ? 1 : -1;
    int first = Math.floorMod(upper * (a - c), OCTAVE);
    int second = Math.floorMod(upper * (b - d), OCTAVE);
    return first == second && (first == 0 || first == FIFTH);
  }
}
