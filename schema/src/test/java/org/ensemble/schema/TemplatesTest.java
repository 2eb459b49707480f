package org.ensemble.schema;

import static org.ensemble.schema.ProblemAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplatesTest {
  private static final KeySignature G_MAJOR = new KeySignature("G", KeySignature.Mode.MAJOR);

  @Test
  void fourPartChoraleValidatesWithoutProblems() {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, G_MAJOR, "Chorale", null);

    ValidatedProject project = ProjectReader.read(doc);

    assertValid(project);
    MetaView meta = project.view().meta();
    assertEquals(new MetaView("Chorale", 72, G_MAJOR, new TimeSignature(4, 4), 480, ProjectSchema.VERSION), meta);
    assertEquals(List.of("soprano", "alto", "tenor", "bass"),
        project.view().tracks().stream().map(TrackView::id).toList());
    assertEquals(List.of(TrackRole.SOPRANO, TrackRole.ALTO, TrackRole.TENOR, TrackRole.BASS),
        project.view().tracks().stream().map(TrackView::role).toList());
    assertEquals(List.of(new SectionView("Phrase 1", 0, 7680), new SectionView("Phrase 2", 7680, 7680)),
        project.view().sections());
  }

  @Test
  void fourPartChoraleReadsTheSameAfterARoundTripThroughAV1Update() {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, new KeySignature("Eb", KeySignature.Mode.MINOR), "Lament", null);

    Doc received = TestDocs.roundTrip(doc);

    assertEquals(ProjectReader.read(doc), ProjectReader.read(received));
    assertEquals(doc.toJSON(), received.toJSON());
  }

  @Test
  void fourPartChoraleIsOneTransactionWithTheCallersOrigin() {
    Doc doc = new Doc();
    Object origin = new Object();
    List<Object> origins = new ArrayList<>();
    doc.onUpdate((update, o, transaction) -> origins.add(o));

    Templates.fourPartChorale(doc, G_MAJOR, "Chorale", origin);

    assertEquals(List.of(origin), origins);
  }

  @Test
  void choraleCadenceInGMajorIsTonicSubdominantDominantTonic() {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, G_MAJOR, "Chorale", null);
    ProjectView view = ProjectReader.read(doc).view();

    // G major: I = G B D, IV = C E G, V = D F# A.
    assertEquals(List.of(67, 67, 66, 67), pitches(view, "soprano"));
    assertEquals(List.of(62, 64, 62, 62), pitches(view, "alto"));
    assertEquals(List.of(59, 60, 57, 59), pitches(view, "tenor"));
    assertEquals(List.of(43, 48, 50, 43), pitches(view, "bass"));
    assertEquals(List.of(0L, 480L, 960L, 1920L),
        view.track("bass").orElseThrow().notes().stream().map(NoteView::start).toList());
    assertEquals(3840, view.track("bass").orElseThrow().notes().get(3).end());
  }

  @Test
  void choraleCadenceInMinorRaisesTheLeadingTone() {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, new KeySignature("A", KeySignature.Mode.MINOR), "Chorale", null);
    ProjectView view = ProjectReader.read(doc).view();

    // A minor: I = A C E, IV = D F A, V = E G# B; A is moved down three semitones from C.
    assertEquals(List.of(69, 69, 68, 69), pitches(view, "soprano"));
    assertEquals(List.of(64, 65, 64, 64), pitches(view, "alto"));
    assertEquals(List.of(60, 62, 59, 60), pitches(view, "tenor"));
    assertEquals(List.of(45, 50, 52, 45), pitches(view, "bass"));
  }

  @ParameterizedTest
  @CsvSource({"C,major", "F#,major", "Gb,major", "C#,major", "Cb,major", "B,major", "G#,minor", "Ab,minor",
      "D#,minor", "Bb,minor"})
  void choraleVoicesStayInTheirRangesInEveryKey(String tonic, String mode) {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, new KeySignature(tonic, KeySignature.Mode.fromSchemaName(mode).orElseThrow()),
        "Chorale", null);
    ProjectView view = ProjectReader.read(doc).view();

    assertValid(ProjectReader.read(doc));
    assertInRange(view, "soprano", 60, 79);
    assertInRange(view, "alto", 55, 74);
    assertInRange(view, "tenor", 48, 70);
    assertInRange(view, "bass", 40, 62);
  }

  @Test
  void emptyProjectHasSettingsAndNoTracks() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "Sketch", "server");

    ValidatedProject project = ProjectReader.read(TestDocs.roundTrip(doc));

    assertValid(project);
    assertEquals(MetaView.DEFAULTS.withTitle("Sketch"), project.view().meta());
    assertTrue(project.view().tracks().isEmpty());
    assertTrue(project.view().sections().isEmpty());
    assertFalse(doc.rootNames().contains(ProjectSchema.TRACKS));
  }

  @Test
  void templatesRefuseADocumentThatHasContent() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "First", null);

    assertThrows(IllegalArgumentException.class, () -> Templates.fourPartChorale(doc, G_MAJOR, "Second", null));
    assertThrows(IllegalArgumentException.class, () -> Templates.emptyProject(doc, "Second", null));
  }

  private static List<Integer> pitches(ProjectView view, String trackId) {
    return view.track(trackId).orElseThrow().notes().stream().map(NoteView::pitch).toList();
  }

  private static void assertInRange(ProjectView view, String trackId, int lowest, int highest) {
    for (int pitch : pitches(view, trackId)) {
      assertTrue(pitch >= lowest && pitch <= highest, trackId + " sings " + pitch);
    }
  }
}
