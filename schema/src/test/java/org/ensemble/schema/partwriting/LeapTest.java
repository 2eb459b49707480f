package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeapTest {
  @Test
  void aLeapLargerThanAnOctave() {
    List<Finding> found = Pieces.check("leap", Pieces.of("bass 48 62"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("bass-0", "bass-1"), found.get(0).noteIds());
  }

  @Test
  void anAugmentedFourthFromTheFourthDegree() {
    List<Finding> found = Pieces.check("leap", Pieces.of("soprano 65 71"));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).explanation().contains("augmented fourth"), found.get(0).explanation());
  }

  @Test
  void anAugmentedSecondInMinor() {
    // A minor: F4 to G#4.
    List<Finding> found = Pieces.check("leap", Pieces.of(Pieces.A_MINOR, "alto 65 68"));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).explanation().contains("augmented second"), found.get(0).explanation());
  }

  @Test
  void anOctaveADiminishedFifthAndALeapAcrossARestAreFine() {
    assertEquals(List.of(), Pieces.check("leap", Pieces.of("bass 48 60", "soprano 71 77", "tenor 48 r 62")));
  }
}
