package org.ensemble.server.testing;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;

/** Notes written the way the studio writes them (docs/document-schema.md), for tests that edit a project. */
public final class TrackNotes {
  private TrackNotes() {}

  /** Appends a quarter note to the first track, adding a track {@code t1} when there is none. */
  public static void addNote(Doc doc, String id, int pitch) {
    YArray tracks = doc.getArray("tracks");
    if (tracks.length() == 0) {
      YMap track = new YMap();
      track.set("id", "t1");
      track.set("notes", new YArray());
      tracks.push(List.of(track));
    }
    YArray notes = (YArray) ((YMap) tracks.get(0)).get("notes");
    YMap note = new YMap();
    note.set("id", id);
    note.set("pitch", pitch);
    note.set("start", notes.length() * 480);
    note.set("duration", 480);
    note.set("velocity", 80);
    notes.push(List.of(note));
  }
}
