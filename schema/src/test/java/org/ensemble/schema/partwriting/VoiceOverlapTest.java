package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceOverlapTest {
  @Test
  void anAltoRisingAboveTheSopranosPreviousNoteOverlaps() {
    // Soprano G4 to B4, alto E4 to A4: A4 is above the G4 the soprano has just left.
    List<Finding> found = Pieces.check("voice-overlap", Pieces.of("soprano 67 71", "alto 64 69"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("soprano", "alto"), found.get(0).voices());
    assertEquals(List.of("soprano-0", "soprano-1", "alto-0", "alto-1"), found.get(0).noteIds());
  }

  @Test
  void aTenorFallingBelowTheBasssPreviousNoteOverlaps() {
    assertEquals(1, Pieces.check("voice-overlap", Pieces.of("tenor 60 52", "bass 55 48")).size());
  }

  @Test
  void movingUpToTheNeighboursOldNoteIsNotAnOverlap() {
    assertEquals(List.of(), Pieces.check("voice-overlap", Pieces.of("soprano 67 71", "alto 64 67")));
  }
}
