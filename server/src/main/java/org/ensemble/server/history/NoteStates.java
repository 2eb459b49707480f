package org.ensemble.server.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.ID;
import org.ensemble.protocol.crdt.Provenance;
import org.ensemble.protocol.crdt.Snapshot;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectSchema;

/**
 * Every track and note item a project's document has ever held, read once from a copy that keeps
 * deleted content (the stored log replayed with garbage collection off), so that the tracks and notes
 * of any moment can be told from a {@link Snapshot} of it without another copy of the document: an
 * item counts when the snapshot had inserted it and not deleted it; a map key holds the newest value
 * the snapshot had inserted (Yjs's {@code typeMapGetSnapshot}).
 */
final class NoteStates {
  /** One note as it stood at a moment, with the item that held it and its fields' items. */
  record PlacedNote(String trackId, NoteView note, ID itemId, Map<String, ID> fieldIds, YMap map) {}

  /** A track as it stood at a moment: its id, its scalar settings, its place among the tracks. */
  record TrackState(String id, int index, ID itemId, Map<String, Object> settings) {
    String name() {
      Object n = settings.get(ProjectSchema.Track.NAME);
      return n instanceof String s && !s.isEmpty() ? s : id;
    }
  }

  private record Item(ID id, YMap map) {}

  private static final List<String> NOTE_FIELDS = List.of(ProjectSchema.Note.ID, ProjectSchema.Note.PITCH,
      ProjectSchema.Note.START, ProjectSchema.Note.DURATION, ProjectSchema.Note.VELOCITY);

  private final Doc doc;
  private final List<Item> tracks = new ArrayList<>();

  NoteStates(Doc historyDoc) {
    this.doc = historyDoc;
    if (historyDoc.rootNames().contains(ProjectSchema.TRACKS)) {
      for (Provenance.Entry t : Provenance.listElements(historyDoc.getArray(ProjectSchema.TRACKS))) {
        if (t.value() instanceof YMap map) {
          tracks.add(new Item(t.id(), map));
        }
      }
    }
  }

  /** The moment this copy of the document stands at (everything stored). */
  Snapshot now() {
    return Snapshot.of(doc);
  }

  /** The tracks present at {@code at}, by id, in document order. */
  Map<String, TrackState> tracksAt(Snapshot at) {
    Map<String, TrackState> out = new LinkedHashMap<>();
    for (Item t : tracks) {
      if (!at.visible(t.id())) {
        continue;
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      for (String key : Provenance.keys(t.map())) {
        Provenance.Entry e = valueAt(t.map(), key, at);
        if (e != null && !(e.value() instanceof YArray) && !(e.value() instanceof YMap)) {
          settings.put(key, e.value());
        }
      }
      if (settings.get(ProjectSchema.Track.ID) instanceof String id && !id.isEmpty() && !out.containsKey(id)) {
        out.put(id, new TrackState(id, out.size(), t.id(), settings));
      }
    }
    return out;
  }

  /**
   * The project's settings as they stood at {@code at}: the meta map's values (title, tempo, key, time
   * signature, ticks per quarter, schema version), by key.
   */
  Map<String, Object> metaAt(Snapshot at) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!doc.rootNames().contains(ProjectSchema.META)) {
      return out;
    }
    YMap meta = doc.getMap(ProjectSchema.META);
    for (String key : Provenance.keys(meta)) {
      Provenance.Entry e = valueAt(meta, key, at);
      if (e != null && !(e.value() instanceof YArray) && !(e.value() instanceof YMap)) {
        out.put(key, e.value());
      }
    }
    return out;
  }

  /** The notes present at {@code at} in the tracks present then, by note id. */
  Map<String, PlacedNote> notesAt(Snapshot at) {
    Map<String, PlacedNote> out = new LinkedHashMap<>();
    Map<String, TrackState> present = tracksAt(at);
    for (Item t : tracks) {
      Provenance.Entry idEntry = valueAt(t.map(), ProjectSchema.Track.ID, at);
      Provenance.Entry notes = valueAt(t.map(), ProjectSchema.Track.NOTES, at);
      if (!at.visible(t.id()) || idEntry == null || !(idEntry.value() instanceof String trackId)
          || present.get(trackId) == null || !present.get(trackId).itemId().equals(t.id())
          || notes == null || !(notes.value() instanceof YArray list)) {
        continue;
      }
      for (Provenance.Entry n : Provenance.listElements(list)) {
        if (at.visible(n.id()) && n.value() instanceof YMap note) {
          PlacedNote placed = note(trackId, n.id(), note, at);
          if (placed != null) {
            out.putIfAbsent(placed.note().id(), placed);
          }
        }
      }
    }
    return out;
  }

  /**
   * Every note item ever deleted from a track present at {@code at} (deleted by then), each as it
   * last stood; {@code at} is the moment (the latest) and tells which tracks count.
   */
  List<PlacedNote> deletedNotes(Snapshot at) {
    List<PlacedNote> out = new ArrayList<>();
    Map<String, TrackState> present = tracksAt(at);
    for (Item t : tracks) {
      TrackState state = present.values().stream().filter(s -> s.itemId().equals(t.id())).findFirst().orElse(null);
      Provenance.Entry notes = valueAt(t.map(), ProjectSchema.Track.NOTES, at);
      if (state == null || notes == null || !(notes.value() instanceof YArray list)) {
        continue;
      }
      for (Provenance.Entry n : Provenance.listElements(list)) {
        if (at.inserted(n.id()) && !at.visible(n.id()) && n.value() instanceof YMap note) {
          PlacedNote placed = note(state.id(), n.id(), note, null);
          if (placed != null) {
            out.add(placed);
          }
        }
      }
    }
    return out;
  }

  /** The note {@code map} held at {@code at}, or as it last stood before its deletion when {@code at} is null. */
  private static PlacedNote note(String trackId, ID itemId, YMap map, Snapshot at) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, ID> ids = new LinkedHashMap<>();
    for (String field : NOTE_FIELDS) {
      List<Provenance.Entry> history = Provenance.keyHistory(map, field);
      Provenance.Entry e = at != null ? valueAt(map, field, at) : history.isEmpty() ? null : history.get(0);
      if (e == null) {
        return null;
      }
      values.put(field, e.value());
      ids.put(field, e.id());
    }
    try {
      NoteView view = new NoteView((String) values.get(ProjectSchema.Note.ID), intOf(values.get(ProjectSchema.Note.PITCH)),
          longOf(values.get(ProjectSchema.Note.START)), longOf(values.get(ProjectSchema.Note.DURATION)),
          intOf(values.get(ProjectSchema.Note.VELOCITY)));
      return new PlacedNote(trackId, view, itemId, ids, map);
    } catch (ClassCastException | IllegalArgumentException | NullPointerException notANote) {
      return null; // the schema's reader skips such a note too
    }
  }

  /** The entry {@code key} held at {@code at}: the newest inserted by then, if not deleted by then. */
  private static Provenance.Entry valueAt(YMap map, String key, Snapshot at) {
    for (Provenance.Entry e : Provenance.keyHistory(map, key)) {
      if (at.inserted(e.id())) {
        return at.visible(e.id()) ? e : null;
      }
    }
    return null;
  }

  private static int intOf(Object v) {
    double d = ((Number) v).doubleValue();
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException("not a whole number");
    }
    return (int) d;
  }

  private static long longOf(Object v) {
    double d = ((Number) v).doubleValue();
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException("not a whole number");
    }
    return (long) d;
  }
}
