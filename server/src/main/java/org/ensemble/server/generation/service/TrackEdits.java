package org.ensemble.server.generation.service;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema.Note;

/** Makes room in a track for an accepted note. */
final class TrackEdits {
  private TrackEdits() {}

  /**
   * Removes the span [from, to) from the notes of a track: a note inside it is deleted, a note that
   * starts before it is shortened, one that ends after it starts later; one that covers it keeps its
   * head and gets a new note for its tail. Notes that do not reach into the span are not touched.
   */
  static void cut(YArray notes, long from, long to) {
    List<Integer> deleted = new ArrayList<>();
    List<YMap> tails = new ArrayList<>();
    for (int i = 0; i < notes.length(); i++) {
      if (!(notes.get(i) instanceof YMap note) || !(note.get(Note.START) instanceof Number s)
          || !(note.get(Note.DURATION) instanceof Number d)) {
        continue;
      }
      long start = s.longValue();
      long end = start + d.longValue();
      if (end <= from || start >= to) {
        continue;
      }
      boolean head = start < from;
      boolean tail = end > to;
      if (head && tail) {
        YMap rest = new YMap();
        rest.set(Note.ID, note.get(Note.ID) + "~" + to);
        rest.set(Note.PITCH, note.get(Note.PITCH));
        rest.set(Note.START, to);
        rest.set(Note.DURATION, end - to);
        rest.set(Note.VELOCITY, note.get(Note.VELOCITY));
        tails.add(rest);
      }
      if (head) {
        note.set(Note.DURATION, from - start);
      } else if (tail) {
        note.set(Note.START, to);
        note.set(Note.DURATION, end - to);
      } else {
        deleted.add(i);
      }
    }
    for (int k = deleted.size() - 1; k >= 0; k--) {
      notes.delete(deleted.get(k));
    }
    if (!tails.isEmpty()) {
      notes.push(tails);
    }
  }
}
