package org.ensemble.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The four voices of the chorale template, each seeded with a plagal-then-authentic cadence
 * (I–IV–V–I, the last chord a whole bar) in the chosen key, so that a new chorale opens sounding its
 * key and the generator has material to continue from. The voicing is textbook four-part writing in
 * C (no parallel fifths or octaves, the leading tone rising to the tonic), moved to the key's tonic by
 * at most six semitones down or five up so that every voice stays in its range. In minor the V chord
 * takes the raised leading tone (harmonic minor).
 */
final class ChoraleCadence {
  /** Semitones above middle C (60) in C major, one row per voice, one column per chord. */
  private static final int[][] MAJOR = {{12, 12, 11, 12}, {7, 9, 7, 7}, {4, 5, 2, 4}, {-12, -7, -5, -12}};
  private static final int[][] MINOR = {{12, 12, 11, 12}, {7, 8, 7, 7}, {3, 5, 2, 3}, {-12, -7, -5, -12}};
  /** Chord lengths in quarter notes: I and IV a beat each, V two beats, the final I a whole bar. */
  private static final int[] QUARTERS = {1, 1, 2, 4};
  private static final int MIDDLE_C = 60;
  private static final int VELOCITY = 80;
  /** General MIDI 52 (zero-based), Choir Aahs: a chorale is sung. */
  static final int CHOIR_AAHS = 52;

  private record Voice(TrackRole role, String name, double pan) {}

  /** Sopranos and altos a little left, tenors and basses a little right, as a choir often stands. */
  private static final List<Voice> VOICES = List.of(new Voice(TrackRole.SOPRANO, "Soprano", -0.4),
      new Voice(TrackRole.ALTO, "Alto", -0.15), new Voice(TrackRole.TENOR, "Tenor", 0.15),
      new Voice(TrackRole.BASS, "Bass", 0.4));

  private ChoraleCadence() {}

  /** The SATB tracks, ids "soprano" to "bass", notes "soprano-0" onwards. */
  static List<TrackView> tracks(KeySignature key, int ticksPerQuarter) {
    int pitchClass = key.tonicPitchClass();
    int transposition = pitchClass <= 5 ? pitchClass : pitchClass - 12;
    int[][] offsets = key.mode() == KeySignature.Mode.MAJOR ? MAJOR : MINOR;
    List<TrackView> tracks = new ArrayList<>();
    for (int v = 0; v < VOICES.size(); v++) {
      Voice voice = VOICES.get(v);
      String id = voice.role().schemaName();
      List<NoteView> notes = new ArrayList<>();
      long start = 0;
      for (int chord = 0; chord < QUARTERS.length; chord++) {
        long duration = (long) QUARTERS[chord] * ticksPerQuarter;
        notes.add(new NoteView(id + "-" + chord, MIDDLE_C + offsets[v][chord] + transposition, start, duration,
            VELOCITY));
        start += duration;
      }
      tracks.add(new TrackView(id, voice.name(), CHOIR_AAHS, voice.role(), false, false, SchemaLimits.DEFAULT_GAIN,
          voice.pan(), notes));
    }
    return tracks;
  }
}
