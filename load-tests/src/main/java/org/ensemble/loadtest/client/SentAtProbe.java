package org.ensemble.loadtest.client;

import java.util.List;
import java.util.function.LongConsumer;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.Transaction;
import org.ensemble.protocol.crdt.YArrayEvent;
import org.ensemble.protocol.crdt.YEvent;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.crdt.YMapEvent;

/**
 * Reads the send times of the edits a remote transaction brought: a deep observer on {@code tracks}
 * that reports {@link NoteEdits#SENT_AT} of every inserted note and of every note whose send time
 * changed. Only transactions whose origin is {@code remoteOrigin} count (a client's own edits do not).
 */
public final class SentAtProbe {
  private SentAtProbe() {}

  public static void attach(Doc doc, Object remoteOrigin, LongConsumer sentAt) {
    doc.getArray(NoteEdits.TRACKS).observeDeep((events, txn) -> onEvents(events, txn, remoteOrigin, sentAt));
  }

  private static void onEvents(List<YEvent> events, Transaction txn, Object remoteOrigin, LongConsumer sentAt) {
    if (txn.origin() != remoteOrigin) {
      return;
    }
    for (YEvent e : events) {
      if (e instanceof YMapEvent m && m.keysChanged().contains(NoteEdits.SENT_AT)) {
        report(((YMap) m.target()).get(NoteEdits.SENT_AT), sentAt);
      } else if (e instanceof YArrayEvent a && a.target().parent() instanceof YMap) {
        // Not the delta: it walks the whole list to count positions, which the probe does not need.
        for (Object value : a.insertedValues()) {
          if (value instanceof YMap note) {
            report(note.get(NoteEdits.SENT_AT), sentAt);
          }
        }
      }
    }
  }

  private static void report(Object value, LongConsumer sentAt) {
    if (value instanceof Number n) {
      sentAt.accept(n.longValue());
    }
  }
}
