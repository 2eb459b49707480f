package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpacingTest {
  @Test
  void moreThanAnOctaveBetweenSopranoAndAlto() {
    List<Finding> found = Pieces.check("spacing", Pieces.of("soprano 79", "alto 64", "tenor 60", "bass 48"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("soprano", "alto"), found.get(0).voices());
  }

  @Test
  void moreThanAnOctaveBetweenAltoAndTenor() {
    assertEquals(1, Pieces.check("spacing", Pieces.of("alto 72", "tenor 55")).size());
  }

  @Test
  void anOctaveIsEnoughAndTheBassMayBeFarBelow() {
    assertEquals(List.of(), Pieces.check("spacing", Pieces.of("soprano 76", "alto 64", "tenor 60", "bass 40")));
  }
}
