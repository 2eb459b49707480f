package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelPerfectsTest {
  @Test
  void tenorAndBassRisingAFifthApartAreParallelFifths() {
    // I to ii: C3–G3 to D3–A3.
    List<Finding> found = Pieces.check("parallel-fifths", Pieces.of("tenor 55 57", "bass 48 50"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(1, f.bar());
    assertEquals(2, f.beat());
    assertEquals(List.of("tenor", "bass"), f.voices());
    assertEquals(List.of("tenor-0", "tenor-1", "bass-0", "bass-1"), f.noteIds());
    assertTrue(f.explanation().contains("parallel fifths") && f.explanation().contains("G3 over C3 to A3 over D3"),
        f.explanation());
  }

  @Test
  void compoundFifthsBetweenOuterVoicesCount() {
    assertEquals(1, Pieces.check("parallel-fifths", Pieces.of("soprano 67 69", "bass 48 50")).size());
  }

  @Test
  void fifthsByContraryMotionAreNotParallel() {
    // G3 over C3 to D4 over G2: a fifth to a twelfth, the voices moving apart.
    assertEquals(List.of(), Pieces.check("parallel-fifths", Pieces.of("tenor 55 62", "bass 48 43")));
  }

  @Test
  void aRepeatedFifthIsNotAMove() {
    assertEquals(List.of(), Pieces.check("parallel-fifths", Pieces.of("tenor 55 55", "bass 48 48")));
  }

  @Test
  void octavesAndUnisonsMovingTogetherAreParallelOctaves() {
    List<Finding> found = Pieces.check("parallel-octaves",
        Pieces.of("soprano 72 74", "alto 60 62", "tenor 60 62"));
    // Soprano–alto and soprano–tenor (octaves), alto–tenor (unisons).
    assertEquals(3, found.size(), found.toString());
    assertEquals(List.of("alto", "tenor"), found.get(2).voices());
    assertTrue(found.get(0).explanation().contains("parallel octaves"), found.get(0).explanation());
    assertTrue(found.get(2).explanation().contains("parallel unisons"), found.get(2).explanation());
  }

  @Test
  void anOctaveLeftByContraryMotionIsFine() {
    assertEquals(List.of(), Pieces.check("parallel-octaves", Pieces.of("soprano 72 74", "alto 60 59")));
  }

  @Test
  void aFifthToAnOctaveIsNeitherParallel() {
    assertEquals(List.of(), Pieces.check("parallel-octaves", Pieces.of("tenor 55 57", "bass 48 45")));
    assertEquals(List.of(), Pieces.check("parallel-fifths", Pieces.of("tenor 55 57", "bass 48 45")));
  }
}
