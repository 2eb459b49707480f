package org.ensemble.schema.partwriting;

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
 * Hand-written examples: one string per voice, {@code "tenor 55 57*2 r 60/2"}: the role, then MIDI
 * pitches of a quarter note each, {@code *n} for n quarters, {@code /2} for an eighth, {@code r} a
 * quarter rest. Note ids are the role and the note's index: {@code tenor-0}, {@code tenor-1}.
 */
final class Pieces {
  static final KeySignature C_MAJOR = KeySignature.C_MAJOR;
  static final KeySignature A_MINOR = new KeySignature("A", KeySignature.Mode.MINOR);
  private static final int QUARTER = 480;

  private Pieces() {}

  static ProjectView of(String... voices) {
    return of(C_MAJOR, TimeSignature.COMMON_TIME, voices);
  }

  static ProjectView of(KeySignature key, String... voices) {
    return of(key, TimeSignature.COMMON_TIME, voices);
  }

  static ProjectView of(KeySignature key, TimeSignature time, String... voices) {
    List<TrackView> tracks = new ArrayList<>();
    for (String voice : voices) {
      String[] words = voice.trim().split("\\s+");
      String role = words[0];
      List<NoteView> notes = new ArrayList<>();
      long tick = 0;
      for (int w = 1; w < words.length; w++) {
        String word = words[w];
        long length = QUARTER;
        if (word.contains("*")) {
          length = QUARTER * Long.parseLong(word.substring(word.indexOf('*') + 1));
          word = word.substring(0, word.indexOf('*'));
        } else if (word.endsWith("/2")) {
          length = QUARTER / 2;
          word = word.substring(0, word.length() - 2);
        }
        if (!word.equals("r")) {
          notes.add(new NoteView(role + "-" + notes.size(), Integer.parseInt(word), tick, length, 80));
        }
        tick += length;
      }
      tracks.add(new TrackView(role, role, 52, TrackRole.fromSchemaName(role).orElseThrow(), false, false, 0.8, 0,
          notes));
    }
    return new ProjectView(new MetaView("example", 72, key, time, QUARTER, ProjectSchema.VERSION), tracks, List.of());
  }

  /** The findings of one rule (which must exist: an unknown id throws, so a removed rule fails its test). */
  static List<Finding> check(String rule, ProjectView piece) {
    return PartWritingChecker.check(piece, List.of(rule)).findings();
  }
}
