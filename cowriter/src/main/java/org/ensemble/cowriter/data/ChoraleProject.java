package org.ensemble.cowriter.data;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.schema.KeySignature;
import org.ensemble.schema.MetaView;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TimeSignature;
import org.ensemble.schema.TrackRole;
import org.ensemble.schema.TrackView;

/**
 * A chorale as a studio project (four tracks with the voice roles, 4/4, 480 ticks per quarter, the
 * key found from its notes), so that the command line and the benchmarks go through the same
 * request → plan → sampling path as the server.
 */
public final class ChoraleProject {
  public static final int TICKS_PER_QUARTER = 480;
  private static final long STEP_TICKS = TICKS_PER_QUARTER / 4;
  private static final String[] MAJOR_TONICS = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
  private static final String[] MINOR_TONICS = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
  private static final TrackRole[] ROLES = {TrackRole.SOPRANO, TrackRole.ALTO, TrackRole.TENOR, TrackRole.BASS};

  private ChoraleProject() {}

  public static ProjectView of(Chorale piece, String title) {
    double[] histogram = new double[12];
    for (int[] step : piece.steps()) {
      for (int p : step) {
        if (p >= 0) {
          histogram[p % 12]++;
        }
      }
    }
    KeyFinder.Key found = KeyFinder.find(histogram);
    KeySignature key = new KeySignature((found.minor() ? MINOR_TONICS : MAJOR_TONICS)[found.tonic()],
        found.minor() ? KeySignature.Mode.MINOR : KeySignature.Mode.MAJOR);
    MetaView meta = new MetaView(title, 72, key, TimeSignature.COMMON_TIME, TICKS_PER_QUARTER, ProjectSchema.VERSION);
    List<TrackView> tracks = new ArrayList<>();
    for (int v = 0; v < Chorale.VOICES; v++) {
      String name = ROLES[v].schemaName();
      tracks.add(new TrackView(name, name, 52, ROLES[v], false, false, 0.8, 0, notes(piece, v, name)));
    }
    return new ProjectView(meta, tracks, List.of());
  }

  /** Each run of one pitch is one note (the data cannot tell a held note from a repeated one). */
  private static List<NoteView> notes(Chorale piece, int voice, String prefix) {
    List<NoteView> notes = new ArrayList<>();
    int t = 0;
    while (t < piece.length()) {
      int pitch = piece.pitch(t, voice);
      int end = t + 1;
      while (end < piece.length() && piece.pitch(end, voice) == pitch) {
        end++;
      }
      if (pitch != Chorale.REST) {
        notes.add(new NoteView(prefix + "-" + notes.size(), pitch, t * STEP_TICKS, (end - t) * STEP_TICKS, 80));
      }
      t = end;
    }
    return notes;
  }
}
