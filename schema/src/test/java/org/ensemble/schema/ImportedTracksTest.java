package org.ensemble.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedTracksTest {
  private static final TrackView FILE_TRACK = new TrackView("t1", "Line", 40, TrackRole.MELODY, false, false, 0.7, -0.2,
      List.of(new NoteView("t1-n0", 60, 0, 96, 90), new NoteView("t1-n1", 62, 96, 1, 80), new NoteView("t1-n2", 64, 191, 97, 70)));

  @Test
  void rescalesTicksToTheProjectAndPrefixesEveryId() {
    TrackView fitted = ImportedTracks.fit(List.of(FILE_TRACK), 96, 480, "ab12-").get(0);
    assertEquals("ab12-t1", fitted.id());
    assertEquals(List.of(new NoteView("ab12-t1-n0", 60, 0, 480, 90), new NoteView("ab12-t1-n1", 62, 480, 5, 80),
        new NoteView("ab12-t1-n2", 64, 955, 485, 70)), fitted.notes());
    assertEquals(List.of("Line", 40, TrackRole.MELODY, 0.7, -0.2),
        List.of(fitted.name(), fitted.instrument(), fitted.role(), fitted.gain(), fitted.pan()));
  }

  @Test
  void aNoteRoundedToNothingKeepsOneTick() {
    TrackView fitted = ImportedTracks.fit(List.of(FILE_TRACK), 960, 24, "x-").get(0);
    assertEquals(1, fitted.notes().get(1).duration()); // 1 tick of 960 is 0.025 of 24
    assertEquals(2, fitted.notes().get(1).start()); // 96 of 960 is 2.4 of 24
  }

  @Test
  void refusesNotesPastTheEndTheProjectCanHold() {
    TrackView late = new TrackView("t1", "Late", 0, TrackRole.OTHER, false, false, 0.8, 0,
        List.of(new NoteView("n", 60, SchemaLimits.MAX_TICK / 2, 10, 90)));
    assertThrows(IllegalArgumentException.class, () -> ImportedTracks.fit(List.of(late), 96, 960, "p-"));
  }
}
