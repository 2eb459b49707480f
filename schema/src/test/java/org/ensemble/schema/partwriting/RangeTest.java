package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeTest {
  @Test
  void notesOutsideTheirVoicesRange() {
    List<Finding> found = Pieces.check("range", Pieces.of("soprano 72 84", "bass 48 38"));
    assertEquals(2, found.size(), found.toString());
    assertEquals(List.of("soprano-1"), found.get(0).noteIds());
    assertEquals(List.of("bass-1"), found.get(1).noteIds());
  }

  @Test
  void theRangesEdgesAreInside() {
    assertEquals(List.of(), Pieces.check("range",
        Pieces.of("soprano 60 81", "alto 55 74", "tenor 48 67", "bass 40 60")));
  }
}
