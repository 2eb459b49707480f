package org.ensemble.schema;

import static org.ensemble.schema.MidiFiles.Channel;
import static org.ensemble.schema.TestDocs.note;
import static org.ensemble.schema.TestDocs.track;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.junit.jupiter.api.Test;

class MidiExportTest {
  private static final int TEXT = 0x01;
  private static final int TRACK_NAME = 0x03;
  private static final int MARKER = 0x06;
  private static final int TEMPO = 0x51;
  private static final int TIME_SIGNATURE = 0x58;
  private static final int KEY_SIGNATURE = 0x59;

  private static ProjectView chorale(KeySignature key) {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, key, "Chorale in G", null);
    return ProjectReader.read(doc).view();
  }

  private static Sequence export(ProjectView view, Map<String, List<String>> texts) {
    return MidiFiles.parse(MidiExport.toStandardMidiFile(view, texts));
  }

  @Test
  void choraleIsAFormat1FileWithAConductorTrackAndOneTrackPerPart() {
    byte[] file = MidiExport.toStandardMidiFile(chorale(new KeySignature("G", KeySignature.Mode.MAJOR)));
    Sequence sequence = MidiFiles.parse(file);

    assertEquals(1, MidiFiles.fileType(file));
    assertEquals(Sequence.PPQ, sequence.getDivisionType());
    assertEquals(480, sequence.getResolution());
    assertEquals(5, sequence.getTracks().length);
  }

  @Test
  void conductorTrackHoldsTitleTimeSignatureKeySignatureTempoAndSectionMarkers() {
    Track conductor = export(chorale(new KeySignature("G", KeySignature.Mode.MAJOR)), Map.of()).getTracks()[0];

    assertEquals(List.of("Chorale in G"), MidiFiles.metaTexts(conductor, TRACK_NAME));
    assertArrayEquals(new byte[] {4, 2, 24, 8}, MidiFiles.metaData(conductor, TIME_SIGNATURE).get(0));
    assertArrayEquals(new byte[] {1, 0}, MidiFiles.metaData(conductor, KEY_SIGNATURE).get(0));
    // 72 bpm: 60,000,000 / 72 = 833,333 microseconds per quarter, 0x0CB735.
    assertArrayEquals(new byte[] {0x0C, (byte) 0xB7, 0x35}, MidiFiles.metaData(conductor, TEMPO).get(0));
    assertEquals(List.of("Phrase 1", "Phrase 2"), MidiFiles.metaTexts(conductor, MARKER));
    assertEquals(List.of(0L, 7680L), MidiFiles.events(conductor).stream()
        .filter(e -> e.getMessage().getStatus() == 0xFF && e.getMessage().getMessage()[1] == MARKER)
        .map(e -> e.getTick()).toList());
    assertEquals(List.of(), MidiFiles.notes(conductor));
  }

  @Test
  void keySignatureOfAFlatMinorKeyIsNegativeWithTheMinorFlag() {
    Track conductor = export(chorale(new KeySignature("Bb", KeySignature.Mode.MINOR)), Map.of()).getTracks()[0];

    assertArrayEquals(new byte[] {-5, 1}, MidiFiles.metaData(conductor, KEY_SIGNATURE).get(0));
  }

  @Test
  void eachPartHasItsNameProgramVolumeAndPanOnItsOwnChannel() {
    Track[] tracks = export(chorale(KeySignature.C_MAJOR), Map.of()).getTracks();

    List<String> names = new ArrayList<>();
    for (int i = 1; i < tracks.length; i++) {
      names.add(MidiFiles.metaTexts(tracks[i], TRACK_NAME).get(0));
    }
    assertEquals(List.of("Soprano", "Alto", "Tenor", "Bass"), names);
    int[] pans = {38, 54, 73, 89}; // -0.4, -0.15, 0.15, 0.4
    for (int part = 0; part < 4; part++) {
      assertEquals(List.of(new Channel(ShortMessage.PROGRAM_CHANGE, part, 52, 0),
          new Channel(ShortMessage.CONTROL_CHANGE, part, 7, 102),
          new Channel(ShortMessage.CONTROL_CHANGE, part, 10, pans[part])), MidiFiles.controls(tracks[part + 1]));
    }
  }

  @Test
  void exportHoldsExactlyTheNotesOfTheDocument() {
    ProjectView view = chorale(new KeySignature("D", KeySignature.Mode.MAJOR));
    Track[] tracks = export(view, Map.of()).getTracks();

    for (int part = 0; part < 4; part++) {
      assertEquals(MidiFiles.expected(view.tracks().get(part).notes(), part), MidiFiles.notes(tracks[part + 1]));
    }
  }

  @Test
  void aRepeatedPitchIsReleasedBeforeItIsStruckAgain() {
    Doc doc = TestDocs.withTracks(track("m", "melody", 0, note("b", 60, 480, 480, 90), note("a", 60, 0, 480, 70)));
    Track melody = export(ProjectReader.read(doc).view(), Map.of()).getTracks()[1];

    List<Integer> commandsAt480 = MidiFiles.events(melody).stream().filter(e -> e.getTick() == 480)
        .filter(e -> e.getMessage() instanceof ShortMessage)
        .map(e -> ((ShortMessage) e.getMessage()).getCommand()).toList();
    assertEquals(List.of(ShortMessage.NOTE_OFF, ShortMessage.NOTE_ON), commandsAt480);
    assertEquals(List.of(new MidiFiles.Played(0, 60, 0, 480, 70), new MidiFiles.Played(0, 60, 480, 960, 90)),
        MidiFiles.notes(melody));
  }

  @Test
  void drumsPlayOnChannelTenAndPitchedPartsSkipIt() {
    List<Object> tracks = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      String role = i == 3 ? "drums" : "melody";
      tracks.add(track("t" + i, role, i == 3 ? 0 : 40, note("n" + i, 36 + i, i * 10, 5, 100)));
    }
    ProjectView view = ProjectReader.read(TestDocs.withTracks(tracks.toArray())).view();
    Track[] exported = export(view, Map.of()).getTracks();

    List<Integer> channels = new ArrayList<>();
    for (int i = 1; i < exported.length; i++) {
      channels.add(MidiFiles.notes(exported[i]).get(0).channel());
    }
    // 16 pitched parts: channels 1-9 and 11-16 (zero-based 0-8, 10-15), the sixteenth shares channel 1.
    assertEquals(List.of(0, 1, 2, 9, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 0), channels);
  }

  @Test
  void extraTextEventsFollowTheTrackNameOfTheirTrack() {
    ProjectView view = chorale(KeySignature.C_MAJOR);
    Map<String, List<String>> credits = Map.of("alto", List.of("Alto — alice 82%; AI 18%", "reviewed by bob"),
        "no-such-track", List.of("ignored"));

    Track[] tracks = export(view, credits).getTracks();

    assertEquals(List.of("Alto — alice 82%; AI 18%", "reviewed by bob"), MidiFiles.metaTexts(tracks[2], TEXT));
    assertEquals(List.of(), MidiFiles.metaTexts(tracks[1], TEXT));
    assertEquals(List.of(), MidiFiles.metaTexts(tracks[0], TEXT));
    List<Integer> metaTypesOfAlto = MidiFiles.events(tracks[2]).stream().filter(e -> e.getTick() == 0)
        .filter(e -> e.getMessage().getStatus() == 0xFF).map(e -> e.getMessage().getMessage()[1] & 0xFF).toList();
    assertEquals(List.of(TRACK_NAME, TEXT, TEXT), metaTypesOfAlto);
  }

  @Test
  void aBrokenDocumentExportsOnlyItsValidNotes() {
    Doc doc = TestDocs.withTracks(
        track("s", "soprano", 52, note("s0", 72, 0, 480, 80), note("s1", 200, 480, 480, 80),
            note("s2", 74, 960, -1, 80), note("s3", 76, 1440, 480, 80)),
        "not a track",
        track("b", "bass", 32, note("b0", 48, 0, 960, 60), note("b1", 43, "late", 960, 60)));
    ValidatedProject project = ProjectReader.read(TestDocs.roundTrip(doc));
    assertFalse(project.isValid());

    Track[] tracks = export(project.view(), Map.of()).getTracks();

    assertEquals(3, tracks.length);
    assertEquals(List.of(new MidiFiles.Played(0, 72, 0, 480, 80), new MidiFiles.Played(0, 76, 1440, 1920, 80)),
        MidiFiles.notes(tracks[1]));
    assertEquals(List.of(new MidiFiles.Played(1, 48, 0, 960, 60)), MidiFiles.notes(tracks[2]));
  }

  @Test
  void aMutedPartIsExportedWithItsNotes() {
    Doc doc = TestDocs.withTracks(TestDocs.map("id", "m", "name", "Muted", "instrument", 0, "role", "melody",
        "mute", true, "solo", false, "gain", 1, "pan", 0,
        "notes", YArray.of(List.of(note("n", 60, 0, 480, 80)))));

    Track[] tracks = export(ProjectReader.read(doc).view(), Map.of()).getTracks();

    assertEquals(List.of(new MidiFiles.Played(0, 60, 0, 480, 80)), MidiFiles.notes(tracks[1]));
  }

  @Test
  void sampleExportsEveryNoteItHolds() {
    ProjectView view = ProjectReader.read(TestDocs.sample()).view();
    Track[] tracks = export(view, Map.of()).getTracks();

    assertEquals(5, tracks.length);
    for (int part = 0; part < 4; part++) {
      assertEquals(MidiFiles.expected(view.tracks().get(part).notes(), part), MidiFiles.notes(tracks[part + 1]));
    }
  }

  @Test
  void panAndVolumeMapTheWholeRangeWithAnExactCentre() {
    assertEquals(0, PartTrack.pan(-1));
    assertEquals(64, PartTrack.pan(0));
    assertEquals(127, PartTrack.pan(1));
    assertEquals(0, PartTrack.volume(0));
    assertEquals(127, PartTrack.volume(1));
  }
}
