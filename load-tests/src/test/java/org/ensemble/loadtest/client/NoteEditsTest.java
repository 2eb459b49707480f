package org.ensemble.loadtest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.junit.jupiter.api.Test;

class NoteEditsTest {
  private final Object remote = new Object();

  /** Forwards every update of {@code from} to {@code to} as the server would, with the remote origin. */
  private void connect(Doc from, Doc to) {
    from.onUpdate((update, origin, txn) -> {
      if (origin != remote) {
        to.applyUpdate(update, remote);
      }
    });
  }

  @Test
  void everyTimedEditReachesTheOtherClientWithItsSendTime() {
    Doc a = new Doc();
    Doc b = new Doc();
    connect(a, b);
    List<Long> seen = new ArrayList<>();
    SentAtProbe.attach(b, remote, seen::add);
    assertTrue(NoteEdits.seedTrack(a));
    NoteEdits edits = new NoteEdits("c0", 1, 4);
    assertTrue(edits.seedNotes(a, 7));
    assertEquals(List.of(7L, 7L, 7L, 7L), seen);
    seen.clear();

    List<Long> sent = new ArrayList<>();
    for (long t = 100; t < 130; t++) {
      assertTrue(edits.edit(a, t));
      sent.add(t);
    }
    assertEquals(sent, seen);
    assertEquals(a.toJSON(), b.toJSON());
    assertEquals(4 + 3, NoteEdits.notesOf(b).length()); // edits 9, 19 and 29 inserted a note
  }

  @Test
  void notesFollowTheSchemaAndKeepTheirSendTime() {
    Doc a = new Doc();
    NoteEdits.seedTrack(a);
    new NoteEdits("c1", 2, 2).seedNotes(a, 5);
    YArray notes = NoteEdits.notesOf(a);
    YMap note = (YMap) notes.get(0);
    assertTrue(note.get("id").toString().startsWith("c1-"));
    for (String key : List.of("pitch", "start", "duration", "velocity", NoteEdits.SENT_AT)) {
      assertTrue(note.get(key) instanceof Number, key);
    }
    assertEquals(5L, ((Number) note.get(NoteEdits.SENT_AT)).longValue());
  }

  @Test
  void ownEditsAreNotReportedAndTheTrackIsSeededOnce() {
    Doc a = new Doc();
    List<Long> seen = new ArrayList<>();
    SentAtProbe.attach(a, remote, seen::add);
    assertFalse(new NoteEdits("c2", 3, 2).edit(a, 1)); // no track yet
    assertTrue(NoteEdits.seedTrack(a));
    assertFalse(NoteEdits.seedTrack(a));
    new NoteEdits("c2", 3, 2).seedNotes(a, 1);
    assertTrue(seen.isEmpty());
  }
}
