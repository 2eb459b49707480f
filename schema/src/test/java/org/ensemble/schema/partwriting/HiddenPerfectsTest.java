package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HiddenPerfectsTest {
  @Test
  void outerVoicesRisingIntoAnOctaveWithASopranoLeap() {
    // E4 over G2 to C5 over C3: similar motion into an octave, the soprano leaping a sixth.
    List<Finding> found = Pieces.check("hidden-octaves", Pieces.of("soprano 64 72", "bass 43 48"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("soprano", "bass"), found.get(0).voices());
    assertEquals(List.of("soprano-0", "soprano-1", "bass-0", "bass-1"), found.get(0).noteIds());
    assertEquals(2, found.get(0).beat());
  }

  @Test
  void aSopranoStepIntoTheOctaveIsAllowed() {
    assertEquals(List.of(), Pieces.check("hidden-octaves", Pieces.of("soprano 71 72", "bass 43 48")));
  }

  @Test
  void outerVoicesRisingIntoAFifthWithASopranoLeap() {
    // E4 over F2 to G4 over C3.
    assertEquals(1, Pieces.check("hidden-fifths", Pieces.of("soprano 64 67", "bass 41 48")).size());
  }

  @Test
  void contraryMotionIntoAFifthIsFine() {
    assertEquals(List.of(), Pieces.check("hidden-fifths", Pieces.of("soprano 69 67", "bass 41 48")));
  }

  @Test
  void innerVoicesAreNotChecked() {
    assertEquals(List.of(), Pieces.check("hidden-fifths", Pieces.of("alto 64 67", "tenor 41 48")));
  }
}
