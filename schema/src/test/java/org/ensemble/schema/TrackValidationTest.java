package org.ensemble.schema;

import static org.ensemble.schema.ProblemAssertions.assertProblem;
import static org.ensemble.schema.ProblemAssertions.paths;
import static org.ensemble.schema.TestDocs.map;
import static org.ensemble.schema.TestDocs.note;
import static org.ensemble.schema.TestDocs.plain;
import static org.ensemble.schema.TestDocs.track;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YText;
import org.junit.jupiter.api.Test;

class TrackValidationTest {
  private static ValidatedProject read(Object... tracks) {
    return ProjectReader.read(TestDocs.roundTrip(TestDocs.withTracks(tracks)));
  }

  @Test
  void elementsThatAreNotMapsAreSkippedWithTheirPosition() {
    ValidatedProject project = read(track("a", "melody", 0), 42, new YText("bass"), YArray.of(List.of()),
        track("b", "bass", 32));

    assertEquals(List.of("tracks[1]", "tracks[2]", "tracks[3]"), paths(project));
    assertProblem(project, "tracks[1]", "expected a Y.Map, found a number (42); the track is skipped");
    assertProblem(project, "tracks[2]", "expected a Y.Map, found a Y.Text");
    assertProblem(project, "tracks[3]", "expected a Y.Map, found a Y.Array");
    assertEquals(List.of("a", "b"), project.view().tracks().stream().map(TrackView::id).toList());
  }

  @Test
  void aTrackWithoutAnIdOrWithATakenIdIsSkipped() {
    ValidatedProject project = read(map("name", "No id", "notes", YArray.of(List.of())), track("a", "alto", 0),
        track("a", "tenor", 0), map("id", "", "notes", YArray.of(List.of())));

    assertProblem(project, "tracks[0].id", "missing; the track is skipped");
    assertProblem(project, "tracks[2].id", "\"a\" is also the id of tracks[1]; the track is skipped");
    assertProblem(project, "tracks[3].id", "must not be empty");
    assertEquals(List.of(TrackRole.ALTO), project.view().tracks().stream().map(TrackView::role).toList());
  }

  @Test
  void badSettingsFallBackToDefaultsAndKeepTheNotes() {
    ValidatedProject project = read(map("id", "x", "name", 7, "instrument", 128, "role", "lead", "mute", "yes",
        "solo", 1, "gain", 1.5, "pan", -2, "notes", YArray.of(List.of(note("n", 60, 0, 480, 90)))));

    assertEquals(List.of("tracks[0].name", "tracks[0].instrument", "tracks[0].role", "tracks[0].mute",
        "tracks[0].solo", "tracks[0].gain", "tracks[0].pan"), paths(project));
    assertProblem(project, "tracks[0].instrument", "must be from 0 to 127, found 128; using 0");
    assertProblem(project, "tracks[0].role", "found a string (\"lead\"); using \"other\"");
    assertProblem(project, "tracks[0].pan", "must be from -1 to 1, found -2; using 0");
    assertEquals(new TrackView("x", "x", 0, TrackRole.OTHER, false, false, 0.8, 0,
        List.of(new NoteView("n", 60, 0, 480, 90))), project.view().tracks().get(0));
  }

  @Test
  void notesThatAreNotAnArrayLeaveTheTrackSilent() {
    ValidatedProject project = read(map("id", "x", "name", "X", "instrument", 0, "role", "melody", "mute", false,
        "solo", false, "gain", 1, "pan", 0, "notes", "C D E"));

    assertProblem(project, "tracks[0].notes", "expected a Y.Array, found a string (\"C D E\"); the track has no notes");
    assertEquals(List.of(), project.view().tracks().get(0).notes());
  }

  @Test
  void aPlainObjectTrackIsReadButReported() {
    ValidatedProject project = read(plain("id", "p", "name", "Plain", "instrument", 0, "role", "chords",
        "mute", false, "solo", false, "gain", 0.5, "pan", 0.25,
        "notes", List.of(plain("id", "p-0", "pitch", 60, "start", 0, "duration", 240, "velocity", 100))));

    assertProblem(project, "tracks[0]", "a plain object, not a Y.Map");
    assertProblem(project, "tracks[0].notes", "a plain array, not a Y.Array");
    assertProblem(project, "tracks[0].notes[0]", "a plain object, not a Y.Map");
    assertEquals(List.of(new NoteView("p-0", 60, 0, 240, 100)), project.view().tracks().get(0).notes());
  }
}
