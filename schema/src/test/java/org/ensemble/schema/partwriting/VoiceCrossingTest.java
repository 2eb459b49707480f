package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceCrossingTest {
  @Test
  void anAltoAboveTheSopranoIsACrossing() {
    List<Finding> found = Pieces.check("voice-crossing", Pieces.of("soprano 67 67", "alto 64 69"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("soprano", "alto"), found.get(0).voices());
    assertEquals(List.of("soprano-1", "alto-1"), found.get(0).noteIds());
  }

  @Test
  void aCrossingHeldOverSeveralBeatsIsReportedOnce() {
    assertEquals(1, Pieces.check("voice-crossing", Pieces.of("tenor 55*3", "bass 57*3")).size());
  }

  @Test
  void aUnisonIsNotACrossing() {
    assertEquals(List.of(), Pieces.check("voice-crossing", Pieces.of("soprano 67 67", "alto 64 67")));
  }
}
