package org.ensemble.schema;

import static org.ensemble.schema.ProblemAssertions.assertProblem;
import static org.ensemble.schema.ProblemAssertions.paths;
import static org.ensemble.schema.TestDocs.map;
import static org.ensemble.schema.TestDocs.note;
import static org.ensemble.schema.TestDocs.track;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteValidationTest {
  private static ValidatedProject read(Object... tracks) {
    return ProjectReader.read(TestDocs.roundTrip(TestDocs.withTracks(tracks)));
  }

  @Test
  void invalidNotesAreSkippedAndEachBadFieldIsReported() {
    ValidatedProject project = read(track("s", "soprano", 52,
        note("ok-0", 60, 0, 480, 80),
        note("high", 128, 480, 480, 80),
        note("backwards", 62, 960, -480, 80),
        map("id", "quiet", "pitch", 64, "start", 1440, "duration", 480),
        "not a note",
        note("late", 65, -1, 480, 0),
        note(17, 67, 1920, 480.5, 80),
        note("ok-1", 72, 2400, 480, 127)));

    assertEquals(List.of("tracks[0].notes[1].pitch", "tracks[0].notes[2].duration", "tracks[0].notes[3].velocity",
        "tracks[0].notes[4]", "tracks[0].notes[5].start", "tracks[0].notes[5].velocity", "tracks[0].notes[6].id",
        "tracks[0].notes[6].duration"), paths(project));
    assertProblem(project, "tracks[0].notes[1].pitch", "must be from 0 to 127, found 128; the note is skipped");
    assertProblem(project, "tracks[0].notes[2].duration", "found -480");
    assertProblem(project, "tracks[0].notes[3].velocity", "missing; the note is skipped");
    assertProblem(project, "tracks[0].notes[4]", "expected a Y.Map, found a string (\"not a note\")");
    assertProblem(project, "tracks[0].notes[6].id", "expected a string, found a number (17)");
    assertEquals(List.of(new NoteView("ok-0", 60, 0, 480, 80), new NoteView("ok-1", 72, 2400, 480, 127)),
        project.view().tracks().get(0).notes());
  }

  @Test
  void aNoteEndingPastTheLastTickIsSkipped() {
    ValidatedProject project = read(track("s", "melody", 0, note("n", 60, SchemaLimits.MAX_TICK - 10, 11, 80)));

    assertProblem(project, "tracks[0].notes[0].duration", "the note ends at tick 268435456, after the last tick");
    assertEquals(List.of(), project.view().tracks().get(0).notes());
  }

  @Test
  void duplicateNoteIdsAcrossTracksAreReportedButKept() {
    ValidatedProject project = read(track("a", "alto", 0, note("n1", 60, 0, 480, 80)),
        track("b", "bass", 0, note("n1", 48, 0, 480, 80)));

    assertProblem(project, "tracks[1].notes[0].id", "\"n1\" is also the id of tracks[0].notes[0]; the note is kept");
    assertEquals(1, project.view().track("b").orElseThrow().notes().size());
  }
}
