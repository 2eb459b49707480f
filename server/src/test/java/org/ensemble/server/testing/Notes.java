package org.ensemble.server.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.attribution.AiEdits;
import org.ensemble.server.attribution.AiProvenance;
import org.ensemble.server.sync.Rooms;

/** Editing notes in a project document the way the studio does (schema version 1). */
public final class Notes {
  private Notes() {}

  public static YArray notesOf(Doc doc, String trackId) {
    YArray tracks = doc.getArray("tracks");
    for (Object t : tracks) {
      YMap track = (YMap) t;
      if (trackId.equals(track.get("id"))) {
        return (YArray) track.get("notes");
      }
    }
    YMap track = new YMap();
    track.set("id", trackId);
    track.set("name", trackId.substring(0, 1).toUpperCase() + trackId.substring(1));
    track.set("notes", new YArray());
    tracks.push(List.of(track));
    return (YArray) track.get("notes");
  }

  public static YMap note(String id, int pitch, int start, int duration, int velocity) {
    YMap note = new YMap();
    note.set("id", id);
    note.set("pitch", pitch);
    note.set("start", start);
    note.set("duration", duration);
    note.set("velocity", velocity);
    return note;
  }

  /** A quarter note (at 480 ticks a quarter) of velocity 80. */
  public static YMap note(String id, int pitch, int start) {
    return note(id, pitch, start, 480, 80);
  }

  public static void add(Doc doc, String trackId, String id, int pitch, int start) {
    notesOf(doc, trackId).push(List.of(note(id, pitch, start)));
  }

  public static YMap find(Doc doc, String noteId) {
    for (Object t : doc.getArray("tracks")) {
      for (Object n : (YArray) ((YMap) t).get("notes")) {
        if (noteId.equals(((YMap) n).get("id"))) {
          return (YMap) n;
        }
      }
    }
    throw new AssertionError("no note " + noteId);
  }

  public static void delete(Doc doc, String noteId) {
    for (Object t : doc.getArray("tracks")) {
      YArray notes = (YArray) ((YMap) t).get("notes");
      for (int i = 0; i < notes.length(); i++) {
        if (noteId.equals(((YMap) notes.get(i)).get("id"))) {
          notes.delete(i);
          return;
        }
      }
    }
    throw new AssertionError("no note " + noteId);
  }

  /**
   * The AI suggests two soprano notes ({@code pitch} and a tone above, in bar 3) under {@code provenance},
   * as the generator would: one edit under the AI's client id into the {@code suggestions} map.
   */
  public static void suggestTwoNotes(Rooms rooms, String project, AiProvenance provenance, String id, int pitch)
      throws Exception {
    AiEdits.suggest(rooms, project, provenance, doc -> {
      YMap s = new YMap();
      YArray notes = new YArray();
      s.set("trackId", "soprano");
      s.set("notes", notes);
      doc.getMap("suggestions").set(id, s);
      notes.push(List.of(note(id + "-n1", pitch, 3840, 480, 70), note(id + "-n2", pitch + 2, 4320, 480, 70)));
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
