package org.ensemble.cowriter.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.cowriter.Models;
import org.junit.jupiter.api.Test;

/** The note-length prior the sampler ships is what Bach's training pieces say. */
class HoldPriorTest {
  @Test
  void theShippedTableIsTheTrainingSplitsFit() throws Exception {
    double[][] fitted = HoldPrior.fit(Models.chorales().train());
    for (int v = 0; v < 4; v++) {
      for (int k = 0; k < 4; k++) {
        assertEquals(fitted[v][k], HoldPrior.TRAINING[v][k], 5e-5, "voice " + v + ", sixteenth " + k);
      }
    }
    // What it says: a voice changes on the beat far more often than on the beat's second sixteenth.
    HoldPrior prior = HoldPrior.training();
    assertTrue(prior.logOdds(3, 1) > prior.logOdds(3, 2) + 3 && prior.logOdds(3, 2) > prior.logOdds(3, 0) + 2);
  }
}
