package org.ensemble.schema;

import javax.sound.midi.Track;

/**
 * The first track of the file: what applies to every part. The title as the sequence name, the time
 * signature, key signature and tempo at tick 0, and a marker at the start of each section.
 */
final class ConductorTrack {
  private static final double MICROSECONDS_PER_MINUTE = 60_000_000;
  /** MIDI clocks per quarter note; the metronome clicks once per notated beat. */
  private static final int MIDI_CLOCKS_PER_QUARTER = 24;
  private static final int THIRTY_SECONDS_PER_QUARTER = 8;

  private ConductorTrack() {}

  static void write(ProjectView project, Track track) {
    MetaView meta = project.meta();
    track.add(MidiMessages.text(MidiMessages.META_TRACK_NAME, meta.title(), 0));
    track.add(MidiMessages.meta(MidiMessages.META_TIME_SIGNATURE, timeSignature(meta.timeSignature()), 0));
    track.add(MidiMessages.meta(MidiMessages.META_KEY_SIGNATURE, keySignature(meta.key()), 0));
    track.add(MidiMessages.meta(MidiMessages.META_TEMPO, tempo(meta.tempoBpm()), 0));
    for (SectionView section : project.sections()) {
      track.add(MidiMessages.text(MidiMessages.META_MARKER, section.name(), section.start()));
    }
  }

  /** Microseconds per quarter note, 3 bytes big-endian. */
  static byte[] tempo(double bpm) {
    long micros = Math.round(MICROSECONDS_PER_MINUTE / bpm);
    return new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
  }

  /** Numerator, log2 of the denominator, MIDI clocks per click, 32nd notes per quarter. */
  static byte[] timeSignature(TimeSignature signature) {
    int clocksPerBeat = Math.max(1, MIDI_CLOCKS_PER_QUARTER * 4 / signature.denominator());
    return new byte[] {(byte) signature.numerator(), (byte) Integer.numberOfTrailingZeros(signature.denominator()),
        (byte) clocksPerBeat, (byte) THIRTY_SECONDS_PER_QUARTER};
  }

  /** Sharps (positive) or flats (negative) as a signed byte, then 0 for major or 1 for minor. */
  static byte[] keySignature(KeySignature key) {
    return new byte[] {(byte) key.sharps(), (byte) (key.mode() == KeySignature.Mode.MINOR ? 1 : 0)};
  }
}
