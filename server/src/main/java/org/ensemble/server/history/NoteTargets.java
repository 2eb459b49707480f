package org.ensemble.server.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectMaps;
import org.ensemble.schema.ProjectSchema;

/**
 * Brings the live document's notes (and, for a whole restore, its tracks) to the states wanted, as
 * one edit made inside {@code Rooms.edit}: each note named is set to its wanted state (its fields
 * written only where they differ, moved if it belongs to another track, added again with its own id
 * if it is gone) or removed. Notes not named are left alone, so collaborators' other work stands.
 */
final class NoteTargets {
  /** What one note should be: in {@code trackId} as {@code note}, or absent when {@code note} is null. */
  record Target(String noteId, String trackId, NoteView note) {}

  /** What the edit did. */
  record Outcome(int added, int removed, int changed, int tracksAdded, int tracksRemoved) {
    int total() {
      return added + removed + changed + tracksAdded + tracksRemoved;
    }
  }

  private record Place(YMap track, YArray notes, int index, YMap note) {}

  private NoteTargets() {}

  /**
   * Applies {@code targets} to {@code doc}. With {@code tracks} (a whole restore) the tracks are made
   * those: tracks not in it are removed, missing ones added with their settings, settings set back;
   * and notes not named in {@code targets} are removed.
   */
  static Outcome apply(Doc doc, Map<String, NoteStates.TrackState> tracks, List<Target> targets) {
    YArray trackArray = doc.getArray(ProjectSchema.TRACKS);
    int tracksAdded = 0;
    int tracksRemoved = 0;
    if (tracks != null) {
      for (int i = trackArray.length() - 1; i >= 0; i--) {
        if (!(trackArray.get(i) instanceof YMap t) || !tracks.containsKey(idOf(t))) {
          trackArray.delete(i);
          tracksRemoved++;
        }
      }
      Map<String, YMap> present = trackMaps(trackArray);
      for (NoteStates.TrackState wanted : tracks.values()) {
        YMap t = present.get(wanted.id());
        if (t == null) {
          YMap fresh = new YMap();
          wanted.settings().forEach(fresh::set);
          fresh.set(ProjectSchema.Track.NOTES, new YArray());
          trackArray.insert(Math.min(wanted.index(), trackArray.length()), List.of(fresh));
          tracksAdded++;
        } else {
          wanted.settings().forEach((k, v) -> {
            if (!sameValue(t.get(k), v)) {
              t.set(k, v);
            }
          });
        }
      }
    }
    Map<String, YMap> trackById = trackMaps(trackArray);
    Map<String, Place> places = notePlaces(trackArray);
    Map<YArray, List<Integer>> deletions = new LinkedHashMap<>();
    int added = 0;
    int removed = 0;
    if (tracks != null) {
      java.util.Set<String> named = new java.util.HashSet<>();
      targets.forEach(t -> named.add(t.noteId()));
      for (Map.Entry<String, Place> p : places.entrySet()) {
        if (!named.contains(p.getKey())) {
          deletions.computeIfAbsent(p.getValue().notes(), k -> new ArrayList<>()).add(p.getValue().index());
          removed++;
        }
      }
    }
    int changed = 0;
    List<Target> inserts = new ArrayList<>();
    List<Target> moves = new ArrayList<>();
    for (Target t : targets) {
      Place now = places.get(t.noteId());
      if (t.note() == null) {
        if (now != null) {
          deletions.computeIfAbsent(now.notes(), k -> new ArrayList<>()).add(now.index());
          removed++;
        }
      } else if (now == null) {
        inserts.add(t);
      } else if (!t.trackId().equals(idOf(now.track()))) {
        deletions.computeIfAbsent(now.notes(), k -> new ArrayList<>()).add(now.index());
        moves.add(t);
        changed++;
      } else if (setFields(now.note(), t.note())) {
        changed++;
      }
    }
    deletions.forEach((array, indices) -> {
      indices.sort(Comparator.reverseOrder());
      indices.forEach(array::delete);
    });
    for (Target t : inserts) {
      if (insert(trackById, t)) {
        added++;
      }
    }
    for (Target t : moves) {
      insert(trackById, t); // a move to a track that is gone only removes the note
    }
    return new Outcome(added, removed, changed, tracksAdded, tracksRemoved);
  }

  private static boolean insert(Map<String, YMap> trackById, Target t) {
    YMap track = trackById.get(t.trackId());
    if (track != null && track.get(ProjectSchema.Track.NOTES) instanceof YArray notes) {
      notes.push(List.of(ProjectMaps.note(t.note())));
      return true;
    }
    return false;
  }

  private static boolean setFields(YMap map, NoteView note) {
    Map<String, Object> wanted = Map.of(ProjectSchema.Note.PITCH, note.pitch(), ProjectSchema.Note.START, note.start(),
        ProjectSchema.Note.DURATION, note.duration(), ProjectSchema.Note.VELOCITY, note.velocity());
    boolean any = false;
    for (String field : List.of(ProjectSchema.Note.PITCH, ProjectSchema.Note.START, ProjectSchema.Note.DURATION,
        ProjectSchema.Note.VELOCITY)) {
      if (!sameValue(map.get(field), wanted.get(field))) {
        map.set(field, wanted.get(field));
        any = true;
      }
    }
    return any;
  }

  private static Map<String, YMap> trackMaps(YArray tracks) {
    Map<String, YMap> out = new HashMap<>();
    for (int i = 0; i < tracks.length(); i++) {
      if (tracks.get(i) instanceof YMap t && idOf(t) != null) {
        out.putIfAbsent(idOf(t), t);
      }
    }
    return out;
  }

  private static Map<String, Place> notePlaces(YArray tracks) {
    Map<String, Place> out = new HashMap<>();
    for (int i = 0; i < tracks.length(); i++) {
      if (tracks.get(i) instanceof YMap t && t.get(ProjectSchema.Track.NOTES) instanceof YArray notes) {
        for (int j = 0; j < notes.length(); j++) {
          if (notes.get(j) instanceof YMap n && idOf(n) != null) {
            out.putIfAbsent(idOf(n), new Place(t, notes, j, n));
          }
        }
      }
    }
    return out;
  }

  private static String idOf(YMap map) {
    return map.get(ProjectSchema.Note.ID) instanceof String s && !s.isEmpty() ? s : null;
  }

  static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a == null ? b == null : a.equals(b);
  }
}
