package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadingToneTest {
  @Test
  void aSopranoLeadingToneFallingAtVToI() {
    List<Finding> found = Pieces.check("leading-tone", Pieces.of("soprano 71 67", "bass 43 48"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("soprano-0", "soprano-1", "bass-0", "bass-1"), found.get(0).noteIds());
  }

  @Test
  void inMinorTheRaisedSeventhIsTheLeadingTone() {
    assertEquals(1, Pieces.check("leading-tone", Pieces.of(Pieces.A_MINOR, "soprano 68 64", "bass 52 45")).size());
  }

  @Test
  void resolvedToTheTonicIsFine() {
    assertEquals(List.of(), Pieces.check("leading-tone", Pieces.of("soprano 71 72", "bass 43 48")));
  }

  @Test
  void aDeceptiveCadenceAndAnInnerVoiceAreNotChecked() {
    assertEquals(List.of(), Pieces.check("leading-tone", Pieces.of("soprano 71 67", "bass 43 45")));
    assertEquals(List.of(), Pieces.check("leading-tone", Pieces.of("soprano 74 72", "alto 71 67", "bass 43 48")));
  }
}
