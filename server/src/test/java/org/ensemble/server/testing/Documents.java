package org.ensemble.server.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;

/** Rebuilding documents from stored updates and comparing them, as a server loading a room would. */
public final class Documents {
  private Documents() {}

  /** A fresh Doc with {@code updates} applied in order and the {@link RecordingDoc} roots declared. */
  public static Doc rebuild(List<byte[]> updates) {
    Doc doc = new Doc();
    updates.forEach(doc::applyUpdate);
    declareRoots(doc);
    return doc;
  }

  /** The same content and the same state vector, with nothing left waiting for missing updates. */
  public static void assertSameDocument(Doc expected, Doc actual) {
    declareRoots(expected);
    declareRoots(actual);
    assertFalse(actual.hasPendingUpdates(), "the rebuilt document waits for updates it never got");
    assertEquals(expected.toJSON(), actual.toJSON());
    assertArrayEquals(expected.encodeStateVector(), actual.encodeStateVector());
  }

  private static void declareRoots(Doc doc) {
    // Roots read from updates stay unresolved until their kind is known, and toJSON skips those.
    doc.getMap(RecordingDoc.META);
    doc.getArray(RecordingDoc.NOTES);
    doc.getText(RecordingDoc.LYRICS);
  }
}
