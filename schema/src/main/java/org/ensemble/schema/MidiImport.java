package org.ensemble.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads a Standard MIDI File into a new project: its tempo, time and key signature (the first of
 * each), and one track per source track and channel with notes (format 0 files split by channel),
 * with name, General MIDI program, volume and pan, and a role guessed from range and channel
 * ({@link ImportRoles}). The file's resolution becomes the project's ticks per quarter, so ticks are
 * kept exactly. Anything the studio cannot hold faithfully is refused with a reason, before anything
 * is written: the caller creates the project only from a complete result.
 */
public final class MidiImport {
  /** Bigger files are refused before they are parsed. */
  public static final int MAX_FILE_BYTES = 1 << 20;
  public static final int MAX_TRACKS = 64;
  public static final int MAX_NOTES = 20_000;
  private static final int MAX_SOURCE_TRACKS = 256;
  private static final int DRUM_CHANNEL = 9;

  /** What the import read; {@code tracks} in the file's order. */
  public record Result(MetaView meta, List<TrackView> tracks, int notes) {}

  /** A file the studio cannot take, with the reason in words. */
  public static final class RefusedException extends Exception {
    public RefusedException(String message) {
      super(message);
    }
  }

  private MidiImport() {}

  public static Result read(byte[] bytes, String title) throws RefusedException {
    if (bytes.length == 0) {
      throw new RefusedException("the file is empty");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new RefusedException("the file has " + bytes.length + " bytes; the studio imports MIDI files of up to "
          + MAX_FILE_BYTES / 1024 + " KiB");
    }
    checkChunks(bytes);
    Sequence sequence;
    try {
      sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
    } catch (InvalidMidiDataException | IOException e) {
      throw new RefusedException("not a readable Standard MIDI File (" + e.getMessage() + "); it may be truncated");
    } catch (RuntimeException e) {
      throw new RefusedException("not a readable Standard MIDI File (" + e.getClass().getSimpleName() + ")");
    }
    if (sequence.getDivisionType() != Sequence.PPQ) {
      throw new RefusedException("the file counts time in SMPTE frames; the studio imports files timed in beats (PPQ)");
    }
    int tpq = sequence.getResolution();
    if (tpq < SchemaLimits.MIN_TICKS_PER_QUARTER || tpq > SchemaLimits.MAX_TICKS_PER_QUARTER) {
      throw new RefusedException("the file's resolution of " + tpq + " ticks per quarter is out of range");
    }
    Track[] tracks = sequence.getTracks();
    if (tracks.length > MAX_SOURCE_TRACKS) {
      throw new RefusedException("the file has " + tracks.length + " tracks; the studio imports files of up to "
          + MAX_SOURCE_TRACKS + " tracks (" + MAX_TRACKS + " with notes)");
    }
    Settings settings = new Settings();
    List<Part> parts = new ArrayList<>();
    int notes = 0;
    for (int t = 0; t < tracks.length; t++) {
      Map<Integer, Part> byChannel = readTrack(tracks[t], t, settings);
      for (Part p : byChannel.values()) {
        if (p.notes.isEmpty()) {
          continue;
        }
        parts.add(p);
        notes += p.notes.size();
        if (parts.size() > MAX_TRACKS) {
          throw new RefusedException("the file has more than " + MAX_TRACKS + " tracks with notes; the studio imports up to "
              + MAX_TRACKS);
        }
        if (notes > MAX_NOTES) {
          throw new RefusedException("the file has more than " + MAX_NOTES + " notes; the studio imports up to " + MAX_NOTES);
        }
      }
    }
    if (parts.isEmpty()) {
      throw new RefusedException("the file has no notes");
    }
    List<TrackView> views = ImportRoles.assign(parts);
    MetaView meta = new MetaView(title, settings.tempo(), settings.key(), settings.time(), tpq, ProjectSchema.VERSION);
    return new Result(meta, views, notes);
  }

  /**
   * The file's chunks are whole and as many tracks as its header says are there. Java's reader stops
   * quietly at a track cut short, so a truncated file would lose its last tracks without a word.
   */
  private static void checkChunks(byte[] b) throws RefusedException {
    if (b.length < 14 || b[0] != 'M' || b[1] != 'T' || b[2] != 'h' || b[3] != 'd') {
      return; // not a Standard MIDI File at all: the reader says so in its own words
    }
    int declared = ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
    long at = 8 + length(b, 4);
    int found = 0;
    while (at + 8 <= b.length) {
      long end = at + 8 + length(b, (int) at + 4);
      if (end > b.length) {
        throw new RefusedException("the file is truncated: chunk " + (found + 1) + " ends " + (end - b.length)
            + " bytes after the file does");
      }
      if (b[(int) at] == 'M' && b[(int) at + 1] == 'T' && b[(int) at + 2] == 'r' && b[(int) at + 3] == 'k') {
        found++;
      }
      at = end;
    }
    if (found < declared) {
      throw new RefusedException("the file is truncated: its header names " + declared + " tracks and " + found + " are whole");
    }
  }

  private static long length(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  /** One source track's notes on one channel, with its settings. */
  static final class Part {
    final int sourceTrack;
    final int channel;
    String name;
    int program = SchemaLimits.DEFAULT_INSTRUMENT;
    double gain = SchemaLimits.DEFAULT_GAIN;
    double pan = SchemaLimits.DEFAULT_PAN;
    final List<long[]> notes = new ArrayList<>(); // {pitch, start, duration, velocity}

    Part(int sourceTrack, int channel) {
      this.sourceTrack = sourceTrack;
      this.channel = channel;
    }

    boolean drums() {
      return channel == DRUM_CHANNEL;
    }

    double meanPitch() {
      return notes.stream().mapToLong(n -> n[0]).average().orElse(60);
    }
  }

  private static Map<Integer, Part> readTrack(Track track, int index, Settings settings) throws RefusedException {
    Map<Integer, Part> parts = new LinkedHashMap<>();
    Map<Integer, Deque<long[]>> sounding = new HashMap<>(); // channel * 128 + pitch -> {start, velocity}
    String trackName = null;
    long last = 0;
    for (int i = 0; i < track.size(); i++) {
      MidiEvent e = track.get(i);
      long tick = e.getTick();
      last = Math.max(last, tick);
      if (tick > SchemaLimits.MAX_TICK) {
        throw new RefusedException("track " + (index + 1) + " has an event at tick " + tick + ", past the end the studio can hold");
      }
      if (e.getMessage() instanceof MetaMessage m) {
        byte[] data = m.getData();
        switch (m.getType()) {
          case 0x03 -> trackName = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
          case 0x51 -> settings.tempo(data);
          case 0x58 -> settings.time(data);
          case 0x59 -> settings.key(data);
          default -> { }
        }
        continue;
      }
      if (!(e.getMessage() instanceof ShortMessage s)) {
        continue;
      }
      int channel = s.getChannel();
      int command = s.getCommand();
      Part part = parts.computeIfAbsent(channel, c -> new Part(index, c));
      if (command == ShortMessage.NOTE_ON && s.getData2() > 0) {
        sounding.computeIfAbsent(channel * 128 + s.getData1(), k -> new ArrayDeque<>()).add(new long[] {tick, s.getData2()});
      } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
        Deque<long[]> on = sounding.get(channel * 128 + s.getData1());
        if (on != null && !on.isEmpty()) {
          long[] started = on.poll();
          addNote(part, index, s.getData1(), started[0], tick, (int) started[1]);
        }
      } else if (command == ShortMessage.PROGRAM_CHANGE) {
        part.program = s.getData1();
      } else if (command == ShortMessage.CONTROL_CHANGE && s.getData1() == 7) {
        part.gain = s.getData2() / 127.0;
      } else if (command == ShortMessage.CONTROL_CHANGE && s.getData1() == 10) {
        part.pan = Math.max(-1, Math.min(1, (s.getData2() - 64) / 63.0));
      }
    }
    // Notes still sounding when the track ends last until its end.
    for (Map.Entry<Integer, Deque<long[]>> open : sounding.entrySet()) {
      for (long[] started : open.getValue()) {
        addNote(parts.get(open.getKey() / 128), index, open.getKey() % 128, started[0], last, (int) started[1]);
      }
    }
    for (Part p : parts.values()) {
      p.name = trackName == null || trackName.isEmpty() ? null : trackName;
      p.notes.sort((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));
    }
    return parts;
  }

  private static void addNote(Part part, int track, int pitch, long start, long end, int velocity) throws RefusedException {
    if (end <= start) {
      throw new RefusedException("track " + (track + 1) + " has a note of zero length (pitch " + pitch + " at tick " + start
          + "); the studio cannot show it. Fix the file in a MIDI editor and import it again");
    }
    part.notes.add(new long[] {pitch, start, end - start, velocity});
  }

  /** The first tempo, time signature and key signature the file gives (later changes are not kept). */
  private static final class Settings {
    private Double tempo;
    private TimeSignature time;
    private KeySignature key;

    void tempo(byte[] d) {
      if (tempo == null && d.length == 3) {
        int microsPerQuarter = (d[0] & 0xff) << 16 | (d[1] & 0xff) << 8 | d[2] & 0xff;
        if (microsPerQuarter > 0) {
          double bpm = Math.round(60_000_000.0 / microsPerQuarter * 100) / 100.0;
          tempo = Math.max(SchemaLimits.MIN_TEMPO_BPM, Math.min(SchemaLimits.MAX_TEMPO_BPM, bpm));
        }
      }
    }

    void time(byte[] d) {
      if (time == null && d.length >= 2 && d[1] >= 0 && d[1] <= 6) {
        long num = d[0] & 0xff;
        long den = 1L << d[1];
        if (TimeSignature.isValidNumerator(num) && TimeSignature.isValidDenominator(den)) {
          time = new TimeSignature((int) num, (int) den);
        }
      }
    }

    void key(byte[] d) {
      if (key == null && d.length == 2 && d[0] >= -7 && d[0] <= 7 && (d[1] == 0 || d[1] == 1)) {
        String[] major = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
        String[] minor = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};
        boolean isMinor = d[1] == 1;
        key = KeySignature.of((isMinor ? minor : major)[d[0] + 7], isMinor ? KeySignature.Mode.MINOR : KeySignature.Mode.MAJOR)
            .orElse(null);
      }
    }

    double tempo() {
      return tempo == null ? SchemaLimits.DEFAULT_TEMPO_BPM : tempo;
    }

    TimeSignature time() {
      return time == null ? TimeSignature.COMMON_TIME : time;
    }

    KeySignature key() {
      return key == null ? KeySignature.C_MAJOR : key;
    }
  }
}
