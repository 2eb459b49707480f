package org.ensemble.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema.Key;
import org.ensemble.schema.ProjectSchema.Meta;
import org.ensemble.schema.ProjectSchema.Note;
import org.ensemble.schema.ProjectSchema.Section;
import org.ensemble.schema.ProjectSchema.Track;

/**
 * Writes views into the document's containers, in the schema's shape: a track, note or section
 * becomes a new {@link YMap} (not yet in a document: insert it where it belongs, inside a
 * transaction), and settings go into the {@code meta} map one key at a time. Keys are written in
 * the order the schema lists them, which is the order {@code toJSON} shows.
 */
public final class ProjectMaps {
  private ProjectMaps() {}

  /** Sets every key of {@code meta} from {@code view}. */
  public static void writeMeta(YMap meta, MetaView view) {
    meta.set(Meta.TITLE, view.title());
    meta.set(Meta.TEMPO_BPM, view.tempoBpm());
    meta.set(Meta.KEY, keyValue(view.key()));
    meta.set(Meta.TIME_SIGNATURE, timeSignatureValue(view.timeSignature()));
    meta.set(Meta.TICKS_PER_QUARTER, view.ticksPerQuarter());
    meta.set(Meta.SCHEMA_VERSION, view.schemaVersion());
  }

  /** {@code {"tonic": "G", "mode": "major"}}: a plain object, replaced as a whole. */
  public static Map<String, Object> keyValue(KeySignature key) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(Key.TONIC, key.tonic());
    value.put(Key.MODE, key.mode().schemaName());
    return value;
  }

  /** {@code [4, 4]}: a plain array, replaced as a whole. */
  public static List<Object> timeSignatureValue(TimeSignature timeSignature) {
    return List.of(timeSignature.numerator(), timeSignature.denominator());
  }

  /** A new track map with its notes in a new Y.Array of note maps. */
  public static YMap track(TrackView track) {
    YMap map = new YMap();
    map.set(Track.ID, track.id());
    map.set(Track.NAME, track.name());
    map.set(Track.INSTRUMENT, track.instrument());
    map.set(Track.ROLE, track.role().schemaName());
    map.set(Track.MUTE, track.mute());
    map.set(Track.SOLO, track.solo());
    map.set(Track.GAIN, track.gain());
    map.set(Track.PAN, track.pan());
    List<YMap> notes = new ArrayList<>();
    for (NoteView note : track.notes()) {
      notes.add(note(note));
    }
    map.set(Track.NOTES, YArray.of(notes));
    return map;
  }

  public static YMap note(NoteView note) {
    YMap map = new YMap();
    map.set(Note.ID, note.id());
    map.set(Note.PITCH, note.pitch());
    map.set(Note.START, note.start());
    map.set(Note.DURATION, note.duration());
    map.set(Note.VELOCITY, note.velocity());
    return map;
  }

  public static YMap section(SectionView section) {
    YMap map = new YMap();
    map.set(Section.NAME, section.name());
    map.set(Section.START, section.start());
    map.set(Section.LENGTH, section.length());
    return map;
  }
}
