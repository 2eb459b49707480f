package org.ensemble.schema;

import java.util.List;
import java.util.Locale;

/**
 * Exports a project as MusicXML 4.0 (score-partwise), so that notation software (MuseScore, Finale,
 * Sibelius, Dorico) opens it as a score: one part per track in document order, named after it, with its
 * General MIDI channel, program, volume and pan; the project's key, time signature and tempo; bars from
 * the time signature. Notes keep their exact ticks: the divisions per quarter are the project's ticks
 * per quarter, a note crossing a barline is split and tied, a length no single note value writes is
 * written as tied values ({@link NoteValues}), notes struck and released together are chords, and
 * overlapping lines in one part become voices ({@link NotationVoices}). Velocity is the note's
 * {@code dynamics} (percent of forte, velocity 90). A drum track is a percussion staff of unpitched
 * notes on channel 10, each note naming its kit piece's instrument (its General MIDI key). Mute and solo are not part of a score:
 * every part is exported.
 */
public final class MusicXmlExport {
  private static final double FORTE_VELOCITY = 90;

  private MusicXmlExport() {}

  /** The MusicXML document; {@code copyright} (when not null) becomes its rights line. */
  public static String toMusicXml(ProjectView project, String copyright) {
    MetaView meta = project.meta();
    long bar = meta.timeSignature().ticksPerBar(meta.ticksPerQuarter());
    long end = 0;
    for (TrackView t : project.tracks()) {
      for (NoteView n : t.notes()) {
        end = Math.max(end, n.end());
      }
    }
    long bars = Math.max(1, (end + bar - 1) / bar);
    int[] channels = MidiChannels.assign(project.tracks());
    Xml x = new Xml();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    x.raw("<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" "
        + "\"http://www.musicxml.org/dtds/partwise.dtd\">\n");
    x.open("score-partwise version=\"4.0\"");
    x.open("work").text("work-title", meta.title()).close("work");
    x.open("identification");
    if (copyright != null) {
      x.text("rights", copyright);
    }
    x.open("encoding").text("software", "Ensemble").close("encoding").close("identification");
    x.open("part-list");
    for (int i = 0; i < project.tracks().size(); i++) {
      TrackView t = project.tracks().get(i);
      String id = partId(i);
      x.open("score-part id=\"" + id + "\"").text("part-name", t.name());
      if (t.role() == TrackRole.DRUMS) {
        // One instrument per kit piece used, each naming its key: notation software plays and names them.
        List<Integer> keys = t.notes().stream().map(NoteView::pitch).distinct().sorted().toList();
        for (int key : keys) {
          x.open("score-instrument id=\"" + id + "-I" + key + "\"").text("instrument-name", DrumKit.pieceName(key))
              .close("score-instrument");
        }
        for (int key : keys) {
          x.open("midi-instrument id=\"" + id + "-I" + key + "\"").text("midi-channel", Integer.toString(channels[i] + 1))
              .text("midi-unpitched", Integer.toString(key + 1)).text("volume", number(t.gain() * 100))
              .text("pan", number(t.pan() * 90)).close("midi-instrument");
        }
      } else {
        x.open("score-instrument id=\"" + id + "-I1\"").text("instrument-name", t.name()).close("score-instrument");
        x.open("midi-instrument id=\"" + id + "-I1\"").text("midi-channel", Integer.toString(channels[i] + 1))
            .text("midi-program", Integer.toString(t.instrument() + 1))
            .text("volume", number(t.gain() * 100)).text("pan", number(t.pan() * 90)).close("midi-instrument");
      }
      x.close("score-part");
    }
    x.close("part-list");
    for (int i = 0; i < project.tracks().size(); i++) {
      new PartWriter(x, meta, project.tracks().get(i), partId(i), bar, bars, i == 0).write();
    }
    x.close("score-partwise");
    return x.toString();
  }

  private static String partId(int index) {
    return "P" + (index + 1);
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** One part's measures. */
  private static final class PartWriter {
    private final Xml x;
    private final MetaView meta;
    private final TrackView track;
    private final String id;
    private final long bar;
    private final long bars;
    private final boolean withTempo;
    private final boolean drums;
    private final int fifths;

    PartWriter(Xml x, MetaView meta, TrackView track, String id, long bar, long bars, boolean withTempo) {
      this.x = x;
      this.meta = meta;
      this.track = track;
      this.id = id;
      this.bar = bar;
      this.bars = bars;
      this.withTempo = withTempo;
      this.drums = track.role() == TrackRole.DRUMS;
      this.fifths = meta.key().sharps();
    }

    void write() {
      List<List<NotationVoices.Chord>> voices = NotationVoices.of(track.notes());
      int[] next = new int[voices.size()];
      x.open("part id=\"" + id + "\"");
      for (long m = 0; m < bars; m++) {
        long from = m * bar;
        long to = from + bar;
        x.open("measure number=\"" + (m + 1) + "\"");
        if (m == 0) {
          attributes();
        }
        boolean written = false;
        for (int v = 0; v < voices.size(); v++) {
          List<NotationVoices.Chord> chords = voices.get(v);
          while (next[v] < chords.size() && chords.get(next[v]).end() <= from) {
            next[v]++;
          }
          boolean any = next[v] < chords.size() && chords.get(next[v]).start() < to;
          if (!any && v > 0) {
            continue; // a voice silent in this bar is left out; the first one writes the bar's rest
          }
          if (written) {
            x.open("backup").text("duration", Long.toString(bar)).close("backup");
          }
          voice(chords, next[v], v + 1, from, to);
          written = true;
        }
        if (!written) {
          wholeBarRest(1);
        }
        x.close("measure");
      }
      x.close("part");
    }

    private void attributes() {
      x.open("attributes").text("divisions", Integer.toString(meta.ticksPerQuarter()));
      if (!drums) {
        x.open("key").text("fifths", Integer.toString(fifths)).text("mode", meta.key().mode().schemaName()).close("key");
      }
      x.open("time").text("beats", Integer.toString(meta.timeSignature().numerator()))
          .text("beat-type", Integer.toString(meta.timeSignature().denominator())).close("time");
      x.open("clef");
      if (drums) {
        x.text("sign", "percussion");
      } else if (track.role() == TrackRole.BASS || track.role() != TrackRole.TENOR && averagePitch() < 55) {
        x.text("sign", "F").text("line", "4");
      } else {
        x.text("sign", "G").text("line", "2");
        if (track.role() == TrackRole.TENOR) {
          x.text("clef-octave-change", "-1");
        }
      }
      x.close("clef").close("attributes");
      if (withTempo) {
        x.open("direction placement=\"above\"").open("direction-type").open("metronome")
            .text("beat-unit", "quarter").text("per-minute", number(meta.tempoBpm()))
            .close("metronome").close("direction-type")
            .raw("<sound tempo=\"" + number(meta.tempoBpm()) + "\"/>").close("direction");
      }
    }

    private double averagePitch() {
      if (track.notes().isEmpty()) {
        return 67;
      }
      return track.notes().stream().mapToInt(NoteView::pitch).average().orElse(60);
    }

    /** One voice's bar: rests where it is silent, its chords cut at the barlines and tied across them. */
    private void voice(List<NotationVoices.Chord> chords, int first, int voice, long from, long to) {
      long at = from;
      for (int c = first; c < chords.size() && chords.get(c).start() < to; c++) {
        NotationVoices.Chord chord = chords.get(c);
        long start = Math.max(chord.start(), from);
        if (start > at) {
          rest(start - at, voice);
        }
        long stop = Math.min(chord.end(), to);
        List<NoteValues.Value> values = NoteValues.split(stop - start, meta.ticksPerQuarter());
        long pos = start;
        for (NoteValues.Value value : values) {
          boolean tiedFrom = pos > chord.start();
          boolean tiedTo = pos + value.ticks() < chord.end();
          for (int k = 0; k < chord.notes().size(); k++) {
            note(chord.notes().get(k), k > 0, value, voice, tiedFrom, tiedTo);
          }
          pos += value.ticks();
        }
        at = stop;
      }
      if (at == from) {
        wholeBarRest(voice);
      } else if (at < to) {
        rest(to - at, voice);
      }
    }

    private void note(NoteView n, boolean inChord, NoteValues.Value value, int voice, boolean tiedFrom, boolean tiedTo) {
      x.open("note dynamics=\"" + number(Math.round(n.velocity() / FORTE_VELOCITY * 10_000) / 100.0) + "\"");
      if (inChord) {
        x.raw("<chord/>");
      }
      PitchSpelling s = PitchSpelling.of(n.pitch(), drums ? 0 : fifths);
      if (drums) {
        x.open("unpitched").text("display-step", String.valueOf(s.step()))
            .text("display-octave", Integer.toString(s.octave())).close("unpitched");
      } else {
        x.open("pitch").text("step", String.valueOf(s.step()));
        if (s.alter() != 0) {
          x.text("alter", Integer.toString(s.alter()));
        }
        x.text("octave", Integer.toString(s.octave())).close("pitch");
      }
      x.text("duration", Long.toString(value.ticks()));
      if (tiedFrom) {
        x.raw("<tie type=\"stop\"/>");
      }
      if (tiedTo) {
        x.raw("<tie type=\"start\"/>");
      }
      if (drums) {
        x.raw("<instrument id=\"" + id + "-I" + n.pitch() + "\"/>");
      }
      x.text("voice", Integer.toString(voice));
      type(value);
      if (tiedFrom || tiedTo) {
        x.open("notations");
        if (tiedFrom) {
          x.raw("<tied type=\"stop\"/>");
        }
        if (tiedTo) {
          x.raw("<tied type=\"start\"/>");
        }
        x.close("notations");
      }
      x.close("note");
    }

    private void rest(long ticks, int voice) {
      for (NoteValues.Value value : NoteValues.split(ticks, meta.ticksPerQuarter())) {
        x.open("note").raw("<rest/>").text("duration", Long.toString(value.ticks()))
            .text("voice", Integer.toString(voice));
        type(value);
        x.close("note");
      }
    }

    private void wholeBarRest(int voice) {
      x.open("note").raw("<rest measure=\"yes\"/>").text("duration", Long.toString(bar))
          .text("voice", Integer.toString(voice)).close("note");
    }

    private void type(NoteValues.Value value) {
      if (value.type() != null) {
        x.text("type", value.type());
        for (int d = 0; d < value.dots(); d++) {
          x.raw("<dot/>");
        }
      }
    }
  }

  /** A small XML writer: elements, escaped text, two-space indents. */
  private static final class Xml {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private int depth;

    Xml open(String tagWithAttributes) {
      indent().append('<').append(tagWithAttributes).append(">\n");
      depth++;
      return this;
    }

    Xml close(String tag) {
      depth--;
      indent().append("</").append(tag).append(">\n");
      return this;
    }

    Xml text(String tag, String text) {
      indent().append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
      return this;
    }

    Xml raw(String xml) {
      if (xml.startsWith("<?") || xml.startsWith("<!")) {
        out.append(xml);
      } else {
        indent().append(xml).append('\n');
      }
      return this;
    }

    private StringBuilder indent() {
      for (int i = 0; i < depth; i++) {
        out.append("  ");
      }
      return out;
    }

    private static String escape(String s) {
      StringBuilder b = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '<' -> b.append("&lt;");
          case '>' -> b.append("&gt;");
          case '&' -> b.append("&amp;");
          case '"' -> b.append("&quot;");
          default -> {
            if (c >= 0x20 || c == '\t' || c == '\n') {
              b.append(c); // other control characters are not allowed in XML 1.0: dropped
            }
          }
        }
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
