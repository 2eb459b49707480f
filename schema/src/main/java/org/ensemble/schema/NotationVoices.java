package org.ensemble.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A part's notes as notation voices: notes that start and end together are one chord; each chord goes
 * to the first voice free at its start, so a part that plays one line at a time is one voice and
 * overlapping lines become voices 2, 3… (as a score writes two melodies on one staff).
 */
final class NotationVoices {
  /** Notes sounding together from {@code start} for {@code duration} ticks, lowest first. */
  record Chord(long start, long duration, List<NoteView> notes) {
    long end() {
      return start + duration;
    }
  }

  private NotationVoices() {}

  /** The voices, each a list of chords in time order that do not overlap. */
  static List<List<Chord>> of(List<NoteView> notes) {
    Map<String, List<NoteView>> together = new TreeMap<>();
    for (NoteView n : notes) {
      together.computeIfAbsent(String.format("%012d/%012d", n.start(), n.duration()), k -> new ArrayList<>()).add(n);
    }
    List<Chord> chords = new ArrayList<>();
    for (List<NoteView> group : together.values()) {
      group.sort(Comparator.comparingInt(NoteView::pitch));
      chords.add(new Chord(group.get(0).start(), group.get(0).duration(), List.copyOf(group)));
    }
    chords.sort(Comparator.comparingLong(Chord::start).thenComparing(Comparator.comparingLong(Chord::duration).reversed()));
    List<List<Chord>> voices = new ArrayList<>();
    for (Chord c : chords) {
      List<Chord> free = null;
      for (List<Chord> v : voices) {
        if (v.get(v.size() - 1).end() <= c.start()) {
          free = v;
          break;
        }
      }
      if (free == null) {
        free = new ArrayList<>();
        voices.add(free);
      }
      free.add(c);
    }
    return voices;
  }
}
