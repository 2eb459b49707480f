package org.ensemble.schema;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import static org.ensemble.schema.XmlChildren.children;
import static org.ensemble.schema.XmlChildren.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an uncompressed MusicXML score ({@code score-partwise}, as {@link MusicXmlExport} writes it and
 * notation software saves it) into a project: one track per part with notes (its name, MIDI program,
 * volume and pan; a percussion part or one on channel 10 is a drum track), the first key, time
 * signature and tempo, roles guessed as for MIDI files ({@link ImportRoles}). Chords, voices written
 * with backup and forward, and ties are followed; rests, grace and cue notes make no notes. Ticks are
 * 480 per quarter whatever the file's divisions. Entities are refused outright (no external entity,
 * DTD or schema is ever fetched) and sizes are bounded, as for MIDI files.
 */
public final class MusicXmlImport {
  public static final int MAX_FILE_BYTES = 4 << 20;
  public static final int TICKS_PER_QUARTER = 480;
  private static final int DRUM_CHANNEL = 9;
  private static final double FORTE_VELOCITY = 90;

  private MusicXmlImport() {}

  public static MidiImport.Result read(byte[] bytes, String title) throws MidiImport.RefusedException {
    if (bytes.length == 0) {
      throw new MidiImport.RefusedException("the file is empty");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new MidiImport.RefusedException("the file has " + bytes.length + " bytes; the studio imports MusicXML files of up to "
          + MAX_FILE_BYTES / 1024 / 1024 + " MiB");
    }
    if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
      throw new MidiImport.RefusedException("this is compressed MusicXML (.mxl); save the score as uncompressed .musicxml");
    }
    Element score = parse(bytes).getDocumentElement();
    if (!score.getTagName().equals("score-partwise")) {
      throw new MidiImport.RefusedException("the file is not a partwise MusicXML score (its root is <" + score.getTagName() + ">)");
    }
    Settings settings = new Settings();
    Map<String, Element> scoreParts = new HashMap<>();
    for (Element list : children(score, "part-list")) {
      for (Element sp : children(list, "score-part")) {
        scoreParts.put(sp.getAttribute("id"), sp);
      }
    }
    List<MidiImport.Part> parts = new ArrayList<>();
    int notes = 0;
    int index = 0;
    for (Element part : children(score, "part")) {
      MidiImport.Part p = readPart(part, scoreParts.get(part.getAttribute("id")), index++, settings);
      if (p.notes.isEmpty()) {
        continue;
      }
      parts.add(p);
      notes += p.notes.size();
      if (parts.size() > MidiImport.MAX_TRACKS) {
        throw new MidiImport.RefusedException("the score has more than " + MidiImport.MAX_TRACKS + " parts with notes; the studio imports up to "
            + MidiImport.MAX_TRACKS);
      }
      if (notes > MidiImport.MAX_NOTES) {
        throw new MidiImport.RefusedException("the score has more than " + MidiImport.MAX_NOTES + " notes; the studio imports up to "
            + MidiImport.MAX_NOTES);
      }
    }
    if (parts.isEmpty()) {
      throw new MidiImport.RefusedException("the score has no notes");
    }
    MetaView meta = new MetaView(title, settings.tempo, settings.key == null ? KeySignature.C_MAJOR : settings.key,
        settings.time == null ? new TimeSignature(4, 4) : settings.time, TICKS_PER_QUARTER, ProjectSchema.VERSION);
    return new MidiImport.Result(meta, ImportRoles.assign(parts), notes);
  }

  /** A parser that fetches nothing and expands no entity: a file declaring one is refused before parsing. */
  private static Document parse(byte[] bytes) throws MidiImport.RefusedException {
    String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.ISO_8859_1);
    if (head.contains("<!ENTITY")) {
      throw new MidiImport.RefusedException("the file declares XML entities; MusicXML scores need none, and the studio reads no file that does");
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new MidiImport.RefusedException("not readable XML (" + e.getMessage() + ")");
    }
  }

  /** The first key, time signature and tempo the score gives (later changes are not kept). */
  private static final class Settings {
    KeySignature key;
    TimeSignature time;
    double tempo = 120;
    boolean tempoSet;
  }

  private static MidiImport.Part readPart(Element part, Element scorePart, int index, Settings settings)
      throws MidiImport.RefusedException {
    int channel = 0;
    Map<String, Integer> unpitched = new HashMap<>(); // score-instrument id -> MIDI key
    MidiImport.Part p = null;
    if (scorePart != null) {
      for (Element m : children(scorePart, "midi-instrument")) {
        Integer ch = integer(text(m, "midi-channel"));
        if (ch != null && ch >= 1 && ch <= 16) {
          channel = ch - 1;
        }
        Integer key = integer(text(m, "midi-unpitched"));
        if (key != null && key >= 1 && key <= 128) {
          unpitched.put(m.getAttribute("id"), key - 1);
        }
      }
    }
    boolean drums = channel == DRUM_CHANNEL || !unpitched.isEmpty();
    p = new MidiImport.Part(index, drums ? DRUM_CHANNEL : channel);
    if (scorePart != null) {
      String name = text(scorePart, "part-name");
      p.name = name == null || name.isBlank() ? null : name.strip();
      for (Element m : children(scorePart, "midi-instrument")) {
        Integer program = integer(text(m, "midi-program"));
        if (program != null && program >= 1 && program <= 128 && !drums) {
          p.program = program - 1;
        }
        Double volume = decimal(text(m, "volume"));
        if (volume != null && volume >= 0 && volume <= 100) {
          p.gain = volume / 100;
        }
        Double pan = decimal(text(m, "pan"));
        if (pan != null && pan >= -90 && pan <= 90) {
          p.pan = Math.round(pan / 90 * 100) / 100.0;
        }
      }
    }
    double divisions = 1;
    double measureStart = 0;
    Map<String, long[]> tied = new HashMap<>(); // voice/pitch -> the note a tie continues
    for (Element measure : children(part, "measure")) {
      double at = measureStart;
      double furthest = measureStart;
      double lastStart = at;
      for (Element e : children(measure, null)) {
        switch (e.getTagName()) {
          case "attributes" -> {
            Double d = decimal(text(e, "divisions"));
            if (d != null && d > 0) {
              divisions = d;
            }
            for (Element k : children(e, "key")) {
              if (settings.key == null) {
                settings.key = key(integer(text(k, "fifths")), text(k, "mode"));
              }
            }
            for (Element t : children(e, "time")) {
              Integer beats = integer(text(t, "beats"));
              Integer unit = integer(text(t, "beat-type"));
              if (settings.time == null && beats != null && unit != null && beats >= 1 && beats <= 32
                  && (unit == 1 || unit == 2 || unit == 4 || unit == 8 || unit == 16 || unit == 32 || unit == 64)) {
                settings.time = new TimeSignature(beats, unit);
              }
            }
          }
          case "direction", "sound" -> {
            NodeList sounds = e.getTagName().equals("sound") ? null : e.getElementsByTagName("sound");
            Element sound = sounds == null ? e : sounds.getLength() > 0 ? (Element) sounds.item(0) : null;
            Double tempo = sound == null ? null : decimal(sound.getAttribute("tempo"));
            if (!settings.tempoSet && tempo != null && tempo >= SchemaLimits.MIN_TEMPO_BPM && tempo <= SchemaLimits.MAX_TEMPO_BPM) {
              settings.tempo = tempo;
              settings.tempoSet = true;
            }
          }
          case "backup" -> at -= ticks(text(e, "duration"), divisions);
          case "forward" -> {
            at += ticks(text(e, "duration"), divisions);
            furthest = Math.max(furthest, at);
          }
          case "note" -> {
            if (!children(e, "grace").isEmpty() || !children(e, "cue").isEmpty()) {
              continue;
            }
            double d = ticks(text(e, "duration"), divisions);
            boolean chord = !children(e, "chord").isEmpty();
            double start = chord ? lastStart : at;
            Integer pitch = pitchOf(e, unpitched);
            if (pitch != null) {
              note(p, tied, e, pitch, Math.round(start), Math.round(start + d));
            }
            if (!chord) {
              lastStart = at;
              at += d;
              furthest = Math.max(furthest, at);
            }
          }
          default -> { }
        }
        if (at < measureStart - 1e-9) {
          throw new MidiImport.RefusedException("part " + (index + 1) + " backs up before the start of its measure "
              + measure.getAttribute("number"));
        }
      }
      measureStart = furthest;
      if (measureStart > SchemaLimits.MAX_TICK) {
        throw new MidiImport.RefusedException("part " + (index + 1) + " is longer than the studio can hold");
      }
    }
    return p;
  }

  private static void note(MidiImport.Part p, Map<String, long[]> tied, Element e, int pitch, long start, long end)
      throws MidiImport.RefusedException {
    if (end <= start) {
      throw new MidiImport.RefusedException("a note of no length (pitch " + pitch + " at quarter " + start / (double) TICKS_PER_QUARTER + ")");
    }
    boolean stop = false;
    boolean begin = false;
    for (Element t : children(e, "tie")) {
      stop |= t.getAttribute("type").equals("stop");
      begin |= t.getAttribute("type").equals("start");
    }
    String key = text(e, "voice") + "/" + pitch;
    long[] open = tied.remove(key);
    if (stop && open != null && open[1] + open[2] == start) {
      open[2] = end - open[1]; // the tied piece lengthens the note it continues
      if (begin) {
        tied.put(key, open);
      }
      return;
    }
    Double dynamics = decimal(e.getAttribute("dynamics"));
    int velocity = dynamics == null ? 80 : (int) Math.max(1, Math.min(127, Math.round(dynamics / 100 * FORTE_VELOCITY)));
    long[] n = {pitch, start, end - start, velocity};
    p.notes.add(n);
    if (begin) {
      tied.put(key, n);
    }
  }

  private static Integer pitchOf(Element note, Map<String, Integer> unpitched) {
    List<Element> pitch = children(note, "pitch");
    if (!pitch.isEmpty()) {
      String step = text(pitch.get(0), "step");
      Integer octave = integer(text(pitch.get(0), "octave"));
      Double alter = decimal(text(pitch.get(0), "alter"));
      if (step == null || step.length() != 1 || "CDEFGAB".indexOf(step.charAt(0)) < 0 || octave == null) {
        return null;
      }
      int p = new PitchSpelling(step.charAt(0), alter == null ? 0 : (int) Math.round(alter), octave).pitch();
      return p >= 0 && p <= 127 ? p : null;
    }
    if (!children(note, "unpitched").isEmpty()) {
      for (Element i : children(note, "instrument")) {
        Integer key = unpitched.get(i.getAttribute("id"));
        if (key != null) {
          return key;
        }
      }
    }
    return null;
  }

  private static KeySignature key(Integer fifths, String mode) {
    if (fifths == null || fifths < -7 || fifths > 7) {
      return null;
    }
    boolean minor = "minor".equals(mode);
    String[] major = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
    String[] minors = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};
    return KeySignature.of((minor ? minors : major)[fifths + 7], minor ? KeySignature.Mode.MINOR : KeySignature.Mode.MAJOR)
        .orElse(null);
  }

  private static double ticks(String duration, double divisions) throws MidiImport.RefusedException {
    Double d = decimal(duration);
    if (d == null || d < 0 || d > 1e7) {
      throw new MidiImport.RefusedException("a duration of \"" + duration + "\" is not a length");
    }
    return d * TICKS_PER_QUARTER / divisions;
  }

  private static Integer integer(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double decimal(String s) {
    try {
      double d = s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
