package org.ensemble.cowriter.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.junit.jupiter.api.Test;

/** Each rule of the strict part-writing lock, on two-chord examples a harmony teacher would mark. */
class StrictPartWritingTest {
  private static final ModelSpec SPEC = new ModelSpec(33, 52, 8, new int[] {1});
  /** C major. */
  private final StrictPartWriting rules = new StrictPartWriting(SPEC, 0);

  /** A roll of two steps; each chord lists soprano, alto, tenor, bass as MIDI notes (−1: empty). */
  private static Roll roll(int[] first, int[] second) {
    Roll r = new Roll(2);
    for (int v = 0; v < 4; v++) {
      r.setPitch(v, 0, first[v] < 0 ? Roll.EMPTY : SPEC.index(first[v]));
      r.setPitch(v, 1, second[v] < 0 ? Roll.EMPTY : SPEC.index(second[v]));
    }
    return r;
  }

  private int violations(Roll r, int voice, int midi) {
    return rules.violations(r, voice, 1, SPEC.index(midi));
  }

  @Test
  void consecutiveFifthsAndOctavesAreMarkedInAnyMotion() {
    // C major (C5 E4 G3 C3) to D minor with the soprano on D5 and the bass on D3.
    Roll r = roll(new int[] {72, 64, 55, 48}, new int[] {74, 65, 57, 50});
    // Tenor G3 → A3 against bass C3 → D3: parallel fifths.
    assertEquals(1, violations(r, 2, 57));
    // Tenor G3 → F3: contrary to the bass and a third over it, no rule broken.
    assertEquals(0, violations(r, 2, 53));
    // Alto E4 → D4 while the soprano C5 → D5: an octave reached by contrary motion is allowed.
    assertEquals(0, violations(r, 1, 62));
    // Bass C3 → D3 under soprano C5 → D5: parallel octaves (compound).
    assertEquals(1, violations(roll(new int[] {72, 64, 55, 48}, new int[] {74, 65, 53, -1}), 3, 50));
    // Bass C3 → G3 while the soprano falls C5 → G4: octaves by contrary motion, marked too.
    assertEquals(1, violations(roll(new int[] {72, 64, 55, 48}, new int[] {67, 64, 59, -1}), 3, 55));
    // Tenor G3 → C4 while the bass falls C3 → F2: fifths by contrary motion.
    assertEquals(1, violations(roll(new int[] {72, 64, 55, 48}, new int[] {72, 64, -1, 41}), 2, 48));
  }

  @Test
  void leapsWiderThanAFifthButTheOctaveAreMarked() {
    Roll r = roll(new int[] {72, 64, 55, 48}, new int[] {72, 64, 55, -1});
    assertEquals(0, violations(r, 3, 43), "a fifth down");
    assertEquals(0, violations(r, 3, 36), "an octave down");
    assertEquals(1, violations(r, 3, 39), "a major sixth down");
  }

  @Test
  void voicesDoNotCross() {
    assertEquals(1, violations(roll(new int[] {72, 64, 60, 48}, new int[] {72, 62, -1, 48}), 2, 64),
        "the tenor above the alto");
    assertEquals(1, violations(roll(new int[] {72, 69, 60, 48}, new int[] {72, -1, 60, 48}), 1, 74),
        "the alto above the soprano");
  }

  @Test
  void theLeadingToneRisesToTheTonicInAnOuterVoice() {
    // The dominant with the leading tone B2 in the bass, then the tonic.
    Roll r = roll(new int[] {79, 74, 67, 47}, new int[] {79, 76, 67, -1});
    assertEquals(0, violations(r, 3, 48), "B2 → C3");
    assertEquals(1, violations(r, 3, 43), "B2 → G2 leaves the leading tone unresolved");
    // In the alto B4 may fall to G4 (the fifth) instead.
    Roll inner = roll(new int[] {79, 71, 62, 43}, new int[] {79, -1, 64, 48});
    assertEquals(0, violations(inner, 1, 67));
    assertEquals(0, violations(inner, 1, 72));
  }
}
