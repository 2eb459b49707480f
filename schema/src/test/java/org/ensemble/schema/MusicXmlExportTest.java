package org.ensemble.schema;

import static org.ensemble.schema.XmlChildren.children;
import static org.ensemble.schema.XmlChildren.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The MusicXML export read back as notation software reads it (measures, divisions, chords, voices with
 * backups, ties) gives exactly the document's parts and notes: pitch, start and length of every note.
 */
class MusicXmlExportTest {
  private static final MetaView META = new MetaView("Étude <1> & \"2\"", 96, new KeySignature("Bb", KeySignature.Mode.MAJOR),
      new TimeSignature(3, 4), 480, ProjectSchema.VERSION);

  private static NoteView n(String id, int pitch, long start, long duration, int velocity) {
    return new NoteView(id, pitch, start, duration, velocity);
  }

  private static TrackView track(String id, String name, TrackRole role, int program, NoteView... notes) {
    return new TrackView(id, name, program, role, false, false, 0.8, -0.5, List.of(notes));
  }

  private static ProjectView tricky() {
    return new ProjectView(META, List.of(
        // A melody: a note across the barline (bar = 1440 ticks), five eighths (1200 ticks, no single value),
        // a black key in a flat key (B flat), a sixteenth and a triplet-ish odd length.
        track("s", "Soprano", TrackRole.SOPRANO, 52, n("s1", 70, 0, 960, 80), n("s2", 72, 960, 960, 90),
            n("s3", 74, 1920, 1200, 100), n("s4", 75, 3120, 120, 60), n("s5", 77, 3360, 160, 64)),
        // Piano: a chord, then two overlapping lines (a held bass under moving notes: two voices).
        track("p", "Piano", TrackRole.CHORDS, 0, n("p1", 60, 0, 1440, 80), n("p2", 64, 0, 1440, 80), n("p3", 67, 0, 1440, 80),
            n("p4", 48, 1440, 2880, 70), n("p5", 72, 1440, 480, 70), n("p6", 74, 1920, 480, 70), n("p7", 76, 2880, 720, 70)),
        track("d", "Drums", TrackRole.DRUMS, 0, n("d1", 36, 0, 240, 100), n("d2", 42, 0, 240, 90), n("d3", 38, 480, 240, 100)),
        track("e", "Empty", TrackRole.OTHER, 40)), List.of());
  }

  /** A note as read back: pitch, start, duration. */
  private record Read(int pitch, long start, long duration) {}

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The MIDI key of each percussion instrument a score-part declares (midi-unpitched is 1-based). */
  private static Map<String, Integer> unpitchedKeys(Element scorePart) {
    Map<String, Integer> keys = new HashMap<>();
    for (Element m : children(scorePart, "midi-instrument")) {
      if (text(m, "midi-unpitched") != null) {
        keys.put(m.getAttribute("id"), Integer.parseInt(text(m, "midi-unpitched")) - 1);
      }
    }
    return keys;
  }

  /** Reads one part's notes back, merging tied pieces, as notation software does. */
  private static List<Read> readPart(Element part, long barTicks) {
    Element scorePart = null;
    NodeList all = part.getOwnerDocument().getElementsByTagName("score-part");
    for (int i = 0; i < all.getLength(); i++) {
      if (((Element) all.item(i)).getAttribute("id").equals(part.getAttribute("id"))) {
        scorePart = (Element) all.item(i);
      }
    }
    Map<String, Integer> drumKeys = unpitchedKeys(scorePart);
    List<Read> notes = new ArrayList<>();
    Map<String, Integer> open = new HashMap<>(); // voice/pitch -> index of a note whose tie continues
    long measureStart = 0;
    for (Element measure : children(part, "measure")) {
      long at = measureStart;
      long lastStart = at;
      for (Element e : children(measure, null)) {
        switch (e.getTagName()) {
          case "backup" -> at -= Long.parseLong(text(e, "duration"));
          case "forward" -> at += Long.parseLong(text(e, "duration"));
          case "note" -> {
            long d = Long.parseLong(text(e, "duration"));
            boolean chord = !children(e, "chord").isEmpty();
            long start = chord ? lastStart : at;
            Element pitch = children(e, "pitch").isEmpty() ? null : children(e, "pitch").get(0);
            Element unpitched = children(e, "unpitched").isEmpty() ? null : children(e, "unpitched").get(0);
            if (pitch != null || unpitched != null) {
              int p = pitch != null
                  ? new PitchSpelling(text(pitch, "step").charAt(0), text(pitch, "alter") == null ? 0
                      : Integer.parseInt(text(pitch, "alter")), Integer.parseInt(text(pitch, "octave"))).pitch()
                  : drumKeys.get(children(e, "instrument").get(0).getAttribute("id"));
              String key = text(e, "voice") + "/" + p;
              boolean stop = children(e, "tie").stream().anyMatch(t -> t.getAttribute("type").equals("stop"));
              boolean startTie = children(e, "tie").stream().anyMatch(t -> t.getAttribute("type").equals("start"));
              Integer prev = open.remove(key);
              if (stop && prev != null && notes.get(prev).start() + notes.get(prev).duration() == start) {
                Read r = notes.get(prev);
                notes.set(prev, new Read(r.pitch(), r.start(), r.duration() + d));
                if (startTie) {
                  open.put(key, prev);
                }
              } else {
                notes.add(new Read(p, start, d));
                if (startTie) {
                  open.put(key, notes.size() - 1);
                }
              }
            }
            if (!chord) {
              lastStart = at;
              at += d;
            }
          }
          default -> { }
        }
      }
      assertTrue(at <= measureStart + barTicks, "a measure overflows");
      measureStart += barTicks;
    }
    notes.sort(Comparator.comparingLong(Read::start).thenComparingInt(Read::pitch));
    return notes;
  }

  private static List<Read> expected(TrackView t) {
    return t.notes().stream().map(n -> new Read(n.pitch(), n.start(), n.duration()))
        .sorted(Comparator.comparingLong(Read::start).thenComparingInt(Read::pitch)).toList();
  }

  @Test
  void partsAndNotesReadBackExactly() throws Exception {
    ProjectView view = tricky();
    Document doc = parse(MusicXmlExport.toMusicXml(view, "© 2026 Ada"));
    Element score = doc.getDocumentElement();
    assertEquals("score-partwise", score.getTagName());
    assertEquals("Étude <1> & \"2\"", score.getElementsByTagName("work-title").item(0).getTextContent());
    assertEquals("© 2026 Ada", score.getElementsByTagName("rights").item(0).getTextContent());
    List<Element> scoreParts = children(children(score, "part-list").get(0), "score-part");
    List<Element> parts = children(score, "part");
    assertEquals(view.tracks().size(), scoreParts.size());
    assertEquals(view.tracks().size(), parts.size());
    long bar = 1440;
    for (int i = 0; i < parts.size(); i++) {
      TrackView t = view.tracks().get(i);
      assertEquals(t.name(), text(scoreParts.get(i), "part-name"));
      assertEquals(scoreParts.get(i).getAttribute("id"), parts.get(i).getAttribute("id"));
      assertEquals(expected(t), readPart(parts.get(i), bar), t.name() + "'s notes");
      assertEquals(3, children(parts.get(i), "measure").size(), "every part has the piece's 3 bars");
    }
    Element first = children(parts.get(0), "measure").get(0);
    Element attributes = children(first, "attributes").get(0);
    assertEquals("480", text(attributes, "divisions"));
    assertEquals("-2", text(children(attributes, "key").get(0), "fifths"));
    assertEquals("3", text(children(attributes, "time").get(0), "beats"));
    assertEquals("96", ((Element) first.getElementsByTagName("sound").item(0)).getAttribute("tempo"));
    Element drumInstrument = children(scoreParts.get(2), "midi-instrument").get(0);
    assertEquals("10", text(drumInstrument, "midi-channel"));
    assertEquals("percussion", parts.get(2).getElementsByTagName("sign").item(0).getTextContent());
    assertEquals("1", text(children(scoreParts.get(1), "midi-instrument").get(0), "midi-program"));
    assertEquals("-45", text(children(scoreParts.get(0), "midi-instrument").get(0), "pan"));
  }

  @Test
  void theChoraleTemplateReadsBackWithEveryNote() throws Exception {
    org.ensemble.protocol.crdt.Doc template = new org.ensemble.protocol.crdt.Doc();
    Templates.fourPartChorale(template, new KeySignature("E", KeySignature.Mode.MINOR), "Chorale", null);
    ProjectView chorale = ProjectReader.read(template).view();
    assertTrue(chorale.tracks().stream().mapToInt(t -> t.notes().size()).sum() >= 16, "the template has its notes");
    Document doc = parse(MusicXmlExport.toMusicXml(chorale, null));
    List<Element> parts = children(doc.getDocumentElement(), "part");
    long bar = chorale.meta().timeSignature().ticksPerBar(chorale.meta().ticksPerQuarter());
    for (int i = 0; i < parts.size(); i++) {
      assertEquals(expected(chorale.tracks().get(i)), readPart(parts.get(i), bar));
    }
    for (int i = 0; i < parts.size(); i++) {
      if (chorale.tracks().get(i).role() == TrackRole.BASS) {
        assertEquals("F", parts.get(i).getElementsByTagName("sign").item(0).getTextContent(), "the bass reads in the bass clef");
      }
    }
  }

  @Test
  void lengthsAreWrittenAsNoteValues() {
    assertEquals(List.of(new NoteValues.Value(960, "half", 0), new NoteValues.Value(240, "eighth", 0)),
        NoteValues.split(1200, 480));
    assertEquals(List.of(new NoteValues.Value(720, "quarter", 1)), NoteValues.split(720, 480));
    assertEquals(7, NoteValues.split(7, 480).get(0).ticks());
    for (int p = 0; p < 128; p++) {
      assertEquals(p, PitchSpelling.of(p, -3).pitch());
      assertEquals(p, PitchSpelling.of(p, 4).pitch());
    }
    assertEquals(new PitchSpelling('B', -1, 4), PitchSpelling.of(70, -2));
    assertEquals(new PitchSpelling('A', 1, 4), PitchSpelling.of(70, 0));
  }

  /** Export, then import: the same parts with the same notes (pitch, start, length, velocity) and settings. */
  @Test
  void anExportedScoreImportsBackWithTheSameNotes() throws Exception {
    ProjectView view = tricky();
    String xml = MusicXmlExport.toMusicXml(view, "© 2026 Ada");
    MidiImport.Result back = MusicXmlImport.read(xml.getBytes(StandardCharsets.UTF_8), "Back");
    assertEquals(new MetaView("Back", 96, view.meta().key(), view.meta().timeSignature(), 480, ProjectSchema.VERSION), back.meta());
    List<TrackView> withNotes = view.tracks().stream().filter(t -> !t.notes().isEmpty()).toList();
    assertEquals(withNotes.size(), back.tracks().size(), "one track per part with notes");
    for (int i = 0; i < withNotes.size(); i++) {
      TrackView was = withNotes.get(i);
      TrackView is = back.tracks().get(i);
      assertEquals(was.name(), is.name());
      assertEquals(played(was), played(is), was.name() + "'s notes");
      assertEquals(was.gain(), is.gain(), 1e-9);
      assertEquals(was.pan(), is.pan(), 1e-9);
      if (was.role() != TrackRole.DRUMS) {
        assertEquals(was.instrument(), is.instrument());
      }
    }
    assertEquals(TrackRole.DRUMS, back.tracks().get(2).role(), "the percussion part is a drum track");
    assertEquals(view.tracks().stream().mapToInt(t -> t.notes().size()).sum(), back.notes());

    // The chorale template, too.
    org.ensemble.protocol.crdt.Doc template = new org.ensemble.protocol.crdt.Doc();
    Templates.fourPartChorale(template, new KeySignature("E", KeySignature.Mode.MINOR), "Chorale", null);
    ProjectView chorale = ProjectReader.read(template).view();
    MidiImport.Result again = MusicXmlImport.read(MusicXmlExport.toMusicXml(chorale, null).getBytes(StandardCharsets.UTF_8), "Chorale");
    for (int i = 0; i < chorale.tracks().size(); i++) {
      assertEquals(played(chorale.tracks().get(i)), played(again.tracks().get(i)));
      assertEquals(chorale.tracks().get(i).role(), again.tracks().get(i).role(), "SATB guessed by range");
    }
    assertEquals(chorale.meta().key(), again.meta().key());
  }

  private static List<String> played(TrackView t) {
    return t.notes().stream().map(n -> n.pitch() + "@" + n.start() + "+" + n.duration() + "v" + n.velocity()).sorted().toList();
  }

  @Test
  void hostileAndBadScoresAreRefusedWithAReason() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE score-partwise [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
        + "<score-partwise><part-list><score-part id=\"P1\"><part-name>&secret;</part-name></score-part></part-list></score-partwise>";
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
    assertRefused(xxe, "declares XML entities");
    assertRefused(laughs, "declares XML entities");
    assertRefused("<score-timewise/>", "not a partwise MusicXML score");
    assertRefused("<score-partwise><part id=\"P1\"><measure", "not readable XML");
    assertRefused("<score-partwise><part id=\"P1\"><measure number=\"1\"><note><pitch><step>C</step><octave>4</octave></pitch>"
        + "<duration>0</duration></note></measure></part></score-partwise>", "a note of no length");
    assertRefused("<score-partwise><part id=\"P1\"><measure number=\"1\"><backup><duration>4</duration></backup></measure></part></score-partwise>",
        "backs up before the start of its measure");
    assertRefused("<score-partwise><part id=\"P1\"><measure number=\"1\"/></part></score-partwise>", "no notes");
    org.junit.jupiter.api.Assertions.assertThrows(MidiImport.RefusedException.class,
        () -> MusicXmlImport.read(new byte[MusicXmlImport.MAX_FILE_BYTES + 1], "Big"));
    org.junit.jupiter.api.Assertions.assertThrows(MidiImport.RefusedException.class,
        () -> MusicXmlImport.read(new byte[] {'P', 'K', 3, 4}, "Zipped"));
  }

  private static void assertRefused(String xml, String reason) {
    MidiImport.RefusedException e = org.junit.jupiter.api.Assertions.assertThrows(MidiImport.RefusedException.class,
        () -> MusicXmlImport.read(xml.getBytes(StandardCharsets.UTF_8), "Bad"));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
