package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.Test;

/**
 * When a cached attribution is stale. The document and the ledger are loaded one after the other, so
 * a look can see a deletion's ledger entry before the deletion itself; the look after must still see
 * the deletion as new, although a deletion leaves the state vector as it was.
 */
class ProjectReplayTest {
  @Test
  void aDeletionAloneIsANewVersion() {
    Doc doc = new Doc();
    List<byte[]> stored = new ArrayList<>();
    doc.onUpdate((update, origin, txn) -> stored.add(update));
    Notes.add(doc, "alto", "u1", 60, 0);
    ProjectReplay replay = new ProjectReplay();

    assertTrue(replay.catchUp(List.copyOf(stored), List.of()), "the first look");
    assertFalse(replay.catchUp(List.copyOf(stored), List.of()), "nothing new");

    Notes.delete(doc, "u1");
    assertTrue(replay.catchUp(List.copyOf(stored), List.of()), "the deletion, with the ledger as it was");
    assertTrue(replay.attribution().notes(List.of("u1")).toString().contains("deleted"),
        replay.attribution().notes(List.of("u1")).toString());
  }
}
