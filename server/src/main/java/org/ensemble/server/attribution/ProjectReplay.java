package org.ensemble.server.attribution;

import java.util.Arrays;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.DocOptions;

/**
 * One project's document (garbage collection off, so deleted notes stay readable) and ledger, kept in
 * memory and brought up to date by applying only the stored updates that are new since the last look
 * (see {@link UpdatePrefix}). Its {@link #version} names the content: the ledger's length and the
 * document's state vector. Every update the server accepts that inserts or deletes anything becomes a
 * ledger entry, so a deletion (which leaves the state vector as it was) still lengthens the ledger.
 * Not thread-safe: {@link AttributionCache} uses one at a time.
 */
final class ProjectReplay {
  private final Doc history = new Doc(DocOptions.defaults().gc(false));
  private final Doc ledgerDoc = new Doc();
  private final Ledger ledger = new Ledger();
  private final UpdatePrefix historySeen = new UpdatePrefix();
  private final UpdatePrefix ledgerSeen = new UpdatePrefix();
  private byte[] version = new byte[0];
  private long storedBytes;

  /**
   * Applies what is new in the stored document and ledger.
   *
   * @return true when the content changed (a new version), false when it is as it was
   */
  boolean catchUp(List<byte[]> documentUpdates, List<byte[]> ledgerUpdates) {
    for (byte[] u : historySeen.advance(documentUpdates)) {
      history.applyUpdate(u);
    }
    List<byte[]> newLedger = ledgerSeen.advance(ledgerUpdates);
    if (!newLedger.isEmpty()) {
      for (byte[] u : newLedger) {
        ledgerDoc.applyUpdate(u);
      }
      LedgerLog.readNew(ledgerDoc, ledger);
    }
    storedBytes = size(documentUpdates) + size(ledgerUpdates);
    byte[] sv = history.encodeStateVector();
    byte[] next = new byte[sv.length + 4];
    System.arraycopy(sv, 0, next, 4, sv.length);
    int n = ledger.size();
    next[0] = (byte) (n >>> 24);
    next[1] = (byte) (n >>> 16);
    next[2] = (byte) (n >>> 8);
    next[3] = (byte) n;
    boolean changed = !Arrays.equals(version, next);
    version = next;
    return changed;
  }

  /** The attribution of the content as it is now (a full pass over the document's notes). */
  ProjectAttribution attribution() {
    return ProjectAttribution.of(history, ledger);
  }

  /** The bytes the project and its ledger take in the store, as last loaded: the basis of the memory estimate. */
  long storedBytes() {
    return storedBytes;
  }

  private static long size(List<byte[]> updates) {
    long n = 0;
    for (byte[] u : updates) {
      n += u.length;
    }
    return n;
  }
}
