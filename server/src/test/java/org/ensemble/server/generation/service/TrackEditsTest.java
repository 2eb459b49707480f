package org.ensemble.server.generation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.junit.jupiter.api.Test;

class TrackEditsTest {
  private static YMap note(String id, long start, long duration) {
    YMap n = new YMap();
    n.set("id", id);
    n.set("pitch", 60);
    n.set("start", start);
    n.set("duration", duration);
    n.set("velocity", 80);
    return n;
  }

  @Test
  void cuttingASpanKeepsThePartsOfNotesOutsideIt() {
    Doc doc = new Doc();
    YArray notes = doc.getArray("notes");
    doc.transact(t -> notes.push(List.of(note("before", 0, 480), note("head", 240, 480), note("inside", 600, 100),
        note("tail", 900, 300), note("over", 400, 800), note("after", 1200, 480))), null);
    doc.transact(t -> TrackEdits.cut(notes, 480, 1000), null);
    List<String> spans = new ArrayList<>();
    for (Object o : notes) {
      Map<String, Object> n = ((YMap) o).toJSON();
      spans.add(n.get("id") + ":" + n.get("start") + "+" + n.get("duration"));
    }
    assertEquals(List.of("before:0+480", "head:240+240", "tail:1000+200", "over:400+80", "after:1200+480",
        "over~1000:1000+200"), spans);
  }
}
