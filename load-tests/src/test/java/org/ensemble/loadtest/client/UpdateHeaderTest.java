package org.ensemble.loadtest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.Test;

class UpdateHeaderTest {
  @Test
  void anEditsHeaderNamesItsWriterAndTheClockItStartedAt() {
    Doc doc = new Doc();
    doc.setClientId(77);
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, o, t) -> updates.add(u));
    NoteEdits.seedTrack(doc);
    NoteEdits edits = new NoteEdits("w", 1, 2);
    edits.seedNotes(doc, 0);
    long before = doc.stateVector().get(77);
    edits.edit(doc, 0);
    UpdateHeader header = UpdateHeader.read(updates.get(updates.size() - 1));
    assertEquals(new UpdateHeader(77, before), header);
    SendLog log = new SendLog();
    log.sent(77, before, 123);
    assertEquals(123, log.sentAt(header));
    assertEquals(-1, log.sentAt(new UpdateHeader(77, before + 1)));
  }

  @Test
  void anUpdateWithoutStructsOrTooShortHasNoHeader() {
    assertNull(UpdateHeader.read(new byte[] {0, 0}));
    assertNull(UpdateHeader.read(new byte[] {1, 1}));
  }
}
