package org.ensemble.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks read from a file, fitted into an open project: ids that cannot meet the project's own (each
 * track's and note's id begins with a prefix drawn for this import) and ticks in the project's
 * resolution, not the file's. A note that rounding would shorten to nothing keeps one tick.
 */
public final class ImportedTracks {
  private ImportedTracks() {}

  public static List<TrackView> fit(List<TrackView> tracks, int fileTicksPerQuarter, int projectTicksPerQuarter,
                                    String idPrefix) {
    if (fileTicksPerQuarter <= 0 || projectTicksPerQuarter <= 0) {
      throw new IllegalArgumentException("ticks per quarter must be positive");
    }
    List<TrackView> out = new ArrayList<>(tracks.size());
    for (TrackView t : tracks) {
      String trackId = idPrefix + t.id();
      List<NoteView> notes = new ArrayList<>(t.notes().size());
      for (int i = 0; i < t.notes().size(); i++) {
        NoteView n = t.notes().get(i);
        long start = scale(n.start(), fileTicksPerQuarter, projectTicksPerQuarter);
        long end = scale(n.start() + n.duration(), fileTicksPerQuarter, projectTicksPerQuarter);
        if (end > SchemaLimits.MAX_TICK) {
          throw new IllegalArgumentException("a note ends at tick " + end + " in this project's resolution, past the end it can hold");
        }
        notes.add(new NoteView(trackId + "-n" + i, n.pitch(), start, Math.max(1, end - start), n.velocity()));
      }
      out.add(new TrackView(trackId, t.name(), t.instrument(), t.role(), t.mute(), t.solo(), t.gain(), t.pan(), notes));
    }
    return out;
  }

  private static long scale(long tick, int from, int to) {
    return from == to ? tick : Math.round((double) tick * to / from);
  }
}
