package org.ensemble.cowriter.eval;

/**
 * Chord changes and the parallel fifths and octaves (unisons included) among them, between every
 * pair of the four voices, under one {@link ParallelDefinition}, pooled over pieces.
 */
public final class ParallelCount {
  private final ParallelDefinition definition;
  private long chordChanges;
  private long fifths;
  private long octaves;

  public ParallelCount(ParallelDefinition definition) {
    this.definition = definition;
  }

  /** Adds one piece: MIDI pitches [step][voice] on the sixteenth grid, −1 for a rest. */
  public void add(int[][] grid) {
    int g = definition.grid();
    for (int t = g; t < grid.length; t += g) {
      int[] a = grid[t - g];
      int[] b = grid[t];
      if (!definition.chordChange(a, b)) {
        continue;
      }
      chordChanges++;
      for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
          fifths += definition.consecutive(a, b, i, j, true) ? 1 : 0;
          octaves += definition.consecutive(a, b, i, j, false) ? 1 : 0;
        }
      }
    }
  }

  public ParallelDefinition definition() {
    return definition;
  }

  public long chordChanges() {
    return chordChanges;
  }

  public long fifths() {
    return fifths;
  }

  public long octaves() {
    return octaves;
  }

  public double fifthsPer100Changes() {
    return 100.0 * fifths / Math.max(1, chordChanges);
  }

  public double octavesPer100Changes() {
    return 100.0 * octaves / Math.max(1, chordChanges);
  }
}
