package org.ensemble.server.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.NoteView;
import org.junit.jupiter.api.Test;

class NoteTargetsTest {

  @Test
  void namedNotesAreSetMovedAddedAndRemovedAndTheOthersLeftAlone() {
    Doc doc = doc(Map.of("a", List.of(note("n1", 60), note("n2", 62), note("n4", 64), note("keep", 65)), "b", List.of()));
    NoteTargets.Outcome o = doc.transactAndGet(t -> NoteTargets.apply(doc, null, List.of(
        new NoteTargets.Target("n1", "b", new NoteView("n1", 60, 0, 480, 80)),
        new NoteTargets.Target("n2", null, null),
        new NoteTargets.Target("n3", "a", new NoteView("n3", 67, 960, 480, 80)),
        new NoteTargets.Target("n4", "a", new NoteView("n4", 66, 0, 480, 80)),
        new NoteTargets.Target("gone", null, null))), null);
    assertEquals(new NoteTargets.Outcome(1, 1, 2, 0, 0), o);
    assertEquals(Map.of("a", List.of("n4:66", "keep:65", "n3:67"), "b", List.of("n1:60")), notes(doc));
  }

  @Test
  void aWholeRestoreBringsTracksBackAndRemovesWhatTheVersionDidNotHave() {
    Doc doc = doc(Map.of("a", List.of(note("n1", 60), note("later", 61)), "added", List.of(note("x", 50))));
    Map<String, NoteStates.TrackState> tracks = new LinkedHashMap<>();
    tracks.put("a", new NoteStates.TrackState("a", 0, null, Map.of("id", "a", "name", "A")));
    tracks.put("gone", new NoteStates.TrackState("gone", 1, null, Map.of("id", "gone", "name", "Gone")));
    NoteTargets.Outcome o = doc.transactAndGet(t -> NoteTargets.apply(doc, tracks, List.of(
        new NoteTargets.Target("n1", "a", new NoteView("n1", 60, 0, 480, 80)),
        new NoteTargets.Target("old", "gone", new NoteView("old", 55, 0, 480, 80)))), null);
    assertEquals(new NoteTargets.Outcome(1, 1, 0, 1, 1), o);
    assertEquals(Map.of("a", List.of("n1:60"), "gone", List.of("old:55")), notes(doc));
    assertEquals("A", ((YMap) doc.getArray("tracks").get(0)).get("name"), "settings set back");
  }

  private static Doc doc(Map<String, List<YMap>> tracks) {
    Doc doc = new Doc();
    doc.transact(t -> {
      for (String id : List.of("a", "b", "added")) {
        if (!tracks.containsKey(id)) {
          continue;
        }
        YMap track = new YMap();
        track.set("id", id);
        track.set("name", id + "-now");
        YArray notes = new YArray();
        track.set("notes", notes);
        doc.getArray("tracks").push(List.of(track));
        notes.push(tracks.get(id));
      }
    });
    return doc;
  }

  private static YMap note(String id, int pitch) {
    YMap n = new YMap();
    n.set("id", id);
    n.set("pitch", pitch);
    n.set("start", 0);
    n.set("duration", 480);
    n.set("velocity", 80);
    return n;
  }

  private static Map<String, List<String>> notes(Doc doc) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Object t : doc.getArray("tracks")) {
      List<String> list = new ArrayList<>();
      for (Object n : (YArray) ((YMap) t).get("notes")) {
        list.add(((YMap) n).get("id") + ":" + ((Number) ((YMap) n).get("pitch")).intValue());
      }
      out.put((String) ((YMap) t).get("id"), list);
    }
    return out;
  }
}
