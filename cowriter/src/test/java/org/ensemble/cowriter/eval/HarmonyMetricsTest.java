package org.ensemble.cowriter.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 15's figures on a one-bar example worked out by hand. */
class HarmonyMetricsTest {
  /** Quarter-note chords (soprano, alto, tenor, bass as MIDI notes), each held four sixteenths. */
  private static int[][] quarters(int[]... chords) {
    int[][] grid = new int[chords.length * 4][];
    for (int t = 0; t < grid.length; t++) {
      grid[t] = chords[t / 4].clone();
    }
    return grid;
  }

  @Test
  void figuresOfAHandWorkedBar() {
    // C major, I – IV – V – I; tenor C4→D4 over bass F3→G3 is a fifth moving to a fifth.
    int[][] grid = quarters(
        new int[] {72, 67, 64, 48},
        new int[] {72, 69, 60, 53},
        new int[] {71, 67, 62, 55},
        new int[] {72, 64, 60, 36});
    // The alto's last sixteenth: a lone G4 after E4.
    grid[15][1] = 67;
    HarmonyMetrics.Tally t = new HarmonyMetrics.Tally();
    t.add(grid, 0, false);
    // Chord changes on beats 2, 3, 4 and the alto's last sixteenth: 4; one parallel fifth.
    assertEquals(25, t.parallelFifthsPer100Changes(), 1e-9);
    assertEquals(0, t.parallelOctavesPer100Changes(), 1e-9);
    // No contrary-motion consecutives and no rests: issue 15's count agrees.
    assertEquals(25, t.consecutiveFifthsPer100Changes(), 1e-9);
    assertEquals(0, t.consecutiveOctavesPer100Changes(), 1e-9);
    // Lower-voice notes: alto G A G E G (5), tenor E C D C (4), bass C F G C (4) = 13; one lone sixteenth.
    assertEquals(100.0 / 13, t.loneSixteenthPercent(), 1e-9);
    assertEquals(13 / 3.0, t.notesPerVoicePerBar(), 1e-9);
    // Moves: 4 + 3 + 3 = 10; wider than a fifth only the bass's G3 → C2.
    assertEquals(10, t.wideLeapPercent(), 1e-9);
    assertEquals(100, t.inKeyPercent(), 1e-9);
    // C2 lies under the bass's range (E2).
    assertEquals(100.0 / 13, t.rangeViolationPercent(), 1e-9);
    assertEquals(0, t.crossingPercent(), 1e-9);
    assertEquals(0, HarmonyMetrics.jensenShannon(t.profile(), t.profile()), 1e-12);
    assertEquals(1, HarmonyMetrics.jensenShannon(new double[] {1, 0}, new double[] {0, 1}), 1e-12);
  }

  @Test
  void contraryMotionAndRestsCountOnlyInTheIssuesDefinition() {
    int[][] grid = quarters(
        new int[] {72, 64, 55, 48},
        // Soprano falls C5→G4 while the bass rises C3→G3: an octave (two, then one) by contrary motion.
        new int[] {67, 64, 59, 55},
        // The soprano rests; only the bass moves.
        new int[] {-1, 64, 59, 52},
        // Alto, tenor and bass all fall a tone: alto–bass an octave to an octave, tenor–bass a fifth to a fifth.
        new int[] {-1, 62, 57, 50});
    HarmonyMetrics.Tally t = new HarmonyMetrics.Tally();
    t.add(grid, 0, false);
    // Similar motion, all four sounding: one chord change (beat 2), no parallel.
    assertEquals(0, t.parallelFifthsPer100Changes(), 1e-9);
    assertEquals(0, t.parallelOctavesPer100Changes(), 1e-9);
    // Any motion, rests included: three chord changes; one fifth (T–B, beat 4), two octaves (S–B contrary, A–B).
    assertEquals(100.0 / 3, t.consecutiveFifthsPer100Changes(), 1e-9);
    assertEquals(200.0 / 3, t.consecutiveOctavesPer100Changes(), 1e-9);
    // Without compound intervals the soprano's double octave to an octave is no octave: one left.
    ParallelCount simple = new ParallelCount(new ParallelDefinition("simple", 1, true,
        ParallelDefinition.Interval.SIMPLE, true));
    simple.add(grid);
    assertEquals(3, simple.chordChanges());
    assertEquals(1, simple.fifths());
    assertEquals(1, simple.octaves());
    // On the quarter-note beats the same chords give the same counts.
    ParallelCount beats = new ParallelCount(new ParallelDefinition("beats", 4, true,
        ParallelDefinition.Interval.CLASS_BY_PART, true));
    beats.add(grid);
    assertEquals(3, beats.chordChanges());
    assertEquals(2, beats.octaves());
  }
}
