package org.ensemble.server.store;

import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.server.testing.RecordingDoc;
import org.junit.jupiter.api.Test;

class UpdateMergingTest {
  @Test
  void mergingInGroupsGivesTheSameBytesAsOneMerge() {
    RecordingDoc client = new RecordingDoc().compose(40).type("x".repeat(UpdateMerging.GROUP * 10));
    List<byte[]> updates = client.updates();
    assertArrayEquals(Updates.mergeUpdates(updates), UpdateMerging.merge(updates));
    assertSameDocument(client.doc(), rebuild(List.of(UpdateMerging.merge(updates))));
  }

  @Test
  void aFewUpdatesAreMergedInOneStep() {
    RecordingDoc client = new RecordingDoc().compose(3);
    assertArrayEquals(Updates.mergeUpdates(client.updates()), UpdateMerging.merge(client.updates()));
  }
}
