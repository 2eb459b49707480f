package org.ensemble.cowriter.sampling;

/**
 * What one Gibbs sweep hides and draws anew after the first sweep (the first always draws every
 * sixteenth cell, since the region has no notes yet).
 */
public enum Resampling {
  /** Independent sixteenth cells, each drawn given its neighbours (Coconet's sampler). */
  CELLS,
  /**
   * Whole notes: a run of one pitch is hidden and drawn as one pitch, from the network's cell
   * distributions over the run (their geometric mean), the locks checked on every cell of it. The
   * rhythm stays as the first sweep left it, but where a note takes its neighbour's pitch the two merge.
   */
  NOTES,
  /** Notes and cells in turn: odd sweeps draw notes, even sweeps cells (which may split or join notes). */
  ALTERNATE;

  /** Whether sweep {@code n} (from 0) draws whole notes. */
  boolean notesIn(int sweep) {
    return sweep > 0 && (this == NOTES || (this == ALTERNATE && sweep % 2 == 1));
  }
}
