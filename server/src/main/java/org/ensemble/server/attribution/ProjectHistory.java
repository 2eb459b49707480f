package org.ensemble.server.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.Provenance;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema;

/**
 * Every note the document has ever held, read from a copy with garbage collection off: present and
 * deleted notes of present and deleted tracks, grouped by note id. Undoing a deletion in Yjs inserts
 * a copy of the note (a new item with the same note id), so a note id can have several records.
 */
final class ProjectHistory {
  /** The attributed fields of a note, in the schema's order. */
  static final List<String> FIELDS = List.of(ProjectSchema.Note.PITCH, ProjectSchema.Note.START,
      ProjectSchema.Note.DURATION, ProjectSchema.Note.VELOCITY);

  private final List<NoteRecord> records = new ArrayList<>();
  private final Map<String, List<NoteRecord>> byNoteId = new LinkedHashMap<>();
  private final List<String> trackOrder = new ArrayList<>();
  private final Map<String, String> trackNames = new LinkedHashMap<>();

  /**
   * A document with garbage collection off built from stored updates: the store keeps deleted
   * content (its compaction merges updates without a document, which collects nothing), so this
   * copy still holds every deleted note and every overwritten value.
   */
  static Doc historyDoc(List<byte[]> updates) {
    Doc doc = new Doc(org.ensemble.protocol.crdt.DocOptions.defaults().gc(false));
    for (byte[] u : updates) {
      doc.applyUpdate(u);
    }
    return doc;
  }

  ProjectHistory(Doc doc) {
    if (!doc.rootNames().contains(ProjectSchema.TRACKS)) {
      return;
    }
    YArray tracks = doc.getArray(ProjectSchema.TRACKS);
    for (Provenance.Entry t : Provenance.listElements(tracks)) {
      if (t.value() instanceof YMap) {
        readTrack((YMap) t.value(), t.deleted());
      }
    }
  }

  private void readTrack(YMap track, boolean trackDeleted) {
    String trackId = string(newest(track, ProjectSchema.Track.ID));
    if (trackId == null) {
      return;
    }
    String name = string(newest(track, ProjectSchema.Track.NAME));
    if (!trackDeleted && !trackNames.containsKey(trackId)) {
      trackOrder.add(trackId);
      trackNames.put(trackId, name == null ? trackId : name);
    }
    Object notes = newest(track, ProjectSchema.Track.NOTES);
    if (!(notes instanceof YArray)) {
      return;
    }
    for (Provenance.Entry n : Provenance.listElements((YArray) notes)) {
      if (!(n.value() instanceof YMap)) {
        continue;
      }
      YMap note = (YMap) n.value();
      String noteId = string(newest(note, ProjectSchema.Note.ID));
      if (noteId == null) {
        continue;
      }
      Map<String, List<Provenance.Entry>> fields = new LinkedHashMap<>();
      for (String f : FIELDS) {
        fields.put(f, Provenance.keyHistory(note, f));
      }
      NoteRecord record = new NoteRecord(noteId, trackId, name == null ? trackId : name, n.id(),
          n.deleted() || trackDeleted, fields);
      records.add(record);
      byNoteId.computeIfAbsent(noteId, k -> new ArrayList<>()).add(record);
    }
  }

  private static Object newest(YMap map, String key) {
    List<Provenance.Entry> h = Provenance.keyHistory(map, key);
    return h.isEmpty() ? null : h.get(0).value();
  }

  private static String string(Object v) {
    return v instanceof String && !((String) v).isEmpty() ? (String) v : null;
  }

  List<NoteRecord> records() {
    return records;
  }

  Map<String, List<NoteRecord>> byNoteId() {
    return byNoteId;
  }

  /** The present tracks' ids in document order. */
  List<String> trackOrder() {
    return trackOrder;
  }

  String trackName(String trackId) {
    return trackNames.getOrDefault(trackId, trackId);
  }

  /** Ids of every note map item and field item, for finding what an entry's ranges touched. */
  ItemIndex index() {
    ItemIndex index = new ItemIndex();
    for (NoteRecord r : records) {
      index.put(r.itemId(), r.noteId(), null);
      r.fields().forEach((field, history) -> {
        for (Provenance.Entry e : history) {
          index.put(e.id(), r.noteId(), field);
        }
      });
    }
    return index;
  }

  static boolean sameValue(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    return a == null ? b == null : a.equals(b);
  }
}
