package org.ensemble.server.attribution;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.server.store.DocumentStore;

/**
 * Appends entries to one project's stored ledger, on its room's context. Each entry is one small
 * update at the next clock. Entries whose append has not yet succeeded are kept; after a failed
 * append the next one carries them again (merged into one update), so a failure never leaves a gap
 * that would hide every later entry from a reader.
 */
final class LedgerWriter {
  private final DocumentStore store;
  private final Context context;
  private final String docId;
  private final TreeMap<Integer, byte[]> unconfirmed = new TreeMap<>();
  private int nextClock;
  private long lastTime;
  private boolean resend;

  LedgerWriter(DocumentStore store, Context context, String projectId, int entries, long lastTime) {
    this.lastTime = lastTime;
    this.store = store;
    this.context = context;
    this.docId = LedgerLog.docId(projectId);
    this.nextClock = entries;
  }

  /** The entry count so far, i.e. the seq the next entry gets. */
  int nextSeq() {
    return nextClock;
  }

  /** The time of the last entry appended (its successor's time is encoded relative to it). */
  long lastTime() {
    return lastTime;
  }

  /** Appends an entry encoded after {@link #lastTime}; completes (on the room's context) when it is durable. */
  Future<Void> append(byte[] entry, long time) {
    lastTime = time;
    int clock = nextClock++;
    byte[] update = LedgerLog.entryUpdate(clock, entry);
    unconfirmed.put(clock, update);
    byte[] toStore = update;
    List<Integer> covered = List.of(clock);
    if (resend) {
      resend = false;
      toStore = Updates.mergeUpdates(new ArrayList<>(unconfirmed.values()));
      covered = new ArrayList<>(unconfirmed.keySet());
    }
    List<Integer> done = covered;
    return Future.fromCompletionStage(store.append(docId, toStore), context).andThen(ar -> {
      if (ar.succeeded()) {
        done.forEach(unconfirmed::remove);
      } else {
        resend = true;
      }
    });
  }
}
