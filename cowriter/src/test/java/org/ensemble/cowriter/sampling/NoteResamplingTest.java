package org.ensemble.cowriter.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.junit.jupiter.api.Test;

/** A whole note drawn at once ({@link Resampling#NOTES}), on a hand-made network answer. */
class NoteResamplingTest {
  private static final ModelSpec SPEC = new ModelSpec(33, 52, 8, new int[] {1});
  private static final int STEPS = 8;

  /**
   * Soprano C5, alto E4 held; the tenor A3 then D4 at step 6; the bass C3, then the note to draw
   * (steps 2–5), then G2.
   */
  private static Roll piece() {
    Roll r = new Roll(STEPS);
    for (int t = 0; t < STEPS; t++) {
      r.setPitch(0, t, SPEC.index(72));
      r.setPitch(1, t, SPEC.index(64));
      r.setPitch(2, t, SPEC.index(t < 6 ? 57 : 62));
      r.setPitch(3, t, SPEC.index(t < 2 ? 48 : t < 6 ? 50 : 43));
    }
    return r;
  }

  /** The bass's cells 2–5 prefer C3 (the note before), then D3, then A2; every other pitch is unlikely. */
  private static Distributions answer() {
    float[] logProbs = new float[ModelSpec.VOICES * SPEC.pitches() * STEPS];
    Arrays.fill(logProbs, -20);
    for (int t = 2; t < 6; t++) {
      logProbs[(3 * SPEC.pitches() + SPEC.index(48)) * STEPS + t] = -0.01f;
      logProbs[(3 * SPEC.pitches() + SPEC.index(50)) * STEPS + t] = -0.5f;
      logProbs[(3 * SPEC.pitches() + SPEC.index(45)) * STEPS + t] = -1f;
    }
    return new Distributions(logProbs, 1, SPEC.pitches(), STEPS);
  }

  @Test
  void aNoteIsDrawnAsOnePitchAndKeepsItsLength() {
    CellSampler cells = new CellSampler(SPEC, Controls.neutral(0, false));
    for (long seed = 0; seed < 20; seed++) {
      Roll r = piece();
      int pitch = cells.sampleNote(answer(), 0, r, 3, 2, 6, Roll.EMPTY, 1, new SplittableRandom(seed));
      // Never the note before (C3, the network's favourite) or after (G2): that would join them.
      assertNotEquals(SPEC.index(48), pitch);
      assertNotEquals(SPEC.index(43), pitch);
      for (int t = 2; t < 6; t++) {
        assertEquals(pitch, r.pitch(3, t), "every cell of the note");
      }
      assertEquals(SPEC.index(48), r.pitch(3, 1));
      assertEquals(SPEC.index(43), r.pitch(3, 6));
    }
  }

  @Test
  void theStrictLockIsCheckedAtTheNotesEnd() {
    // D3 → G2 under the tenor's A3 → D4 is a fifth to a twelfth by contrary motion at the note's last
    // cell; A2 breaks no rule, so the lock leaves only A2 although the network likes D3 better.
    CellSampler cells = new CellSampler(SPEC, Controls.neutral(0, false).withStrict(true));
    for (long seed = 0; seed < 20; seed++) {
      Roll r = piece();
      assertEquals(SPEC.index(45), cells.sampleNote(answer(), 0, r, 3, 2, 6, Roll.EMPTY, 1, new SplittableRandom(seed)));
    }
  }
}
