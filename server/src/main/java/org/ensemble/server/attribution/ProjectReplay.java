package org.ensemble.server.attribution;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.DocOptions;

/**
 * One project's document (garbage collection off, so deleted notes stay readable) and ledger, kept in
 * memory and brought up to date by applying only the stored updates that are new since the last look
 * (see {@link UpdatePrefix}). Any new stored update, of the document or of the ledger, makes a new
 * version. (The content cannot be named by the ledger's length and the document's state vector: the
 * two are loaded one after the other, so a look can see a deletion's ledger entry but not yet the
 * deletion, which leaves the state vector as it was; the next look, with the deletion, would then
 * have found the same name and kept the stale answer.)
 * Not thread-safe: {@link AttributionCache} uses one at a time.
 */
final class ProjectReplay {
  private final Doc history = new Doc(DocOptions.defaults().gc(false));
  private final Doc ledgerDoc = new Doc();
  private final Ledger ledger = new Ledger();
  private final UpdatePrefix historySeen = new UpdatePrefix();
  private final UpdatePrefix ledgerSeen = new UpdatePrefix();
  private final UpdatePrefix namesSeen = new UpdatePrefix();
  private java.util.Map<String, AuthorNames.Alias> aliases = java.util.Map.of();
  private long storedBytes;

  /**
   * Applies what is new in the stored document and ledger.
   *
   * @return true when the content changed (a new version), false when it is as it was
   */
  boolean catchUp(List<byte[]> documentUpdates, List<byte[]> ledgerUpdates) {
    return catchUp(documentUpdates, ledgerUpdates, List.of());
  }

  /** As {@link #catchUp(List, List)}, with the owner's anonymized authors ({@link AuthorNames}). */
  boolean catchUp(List<byte[]> documentUpdates, List<byte[]> ledgerUpdates, List<byte[]> nameUpdates) {
    boolean renamed = !namesSeen.advance(nameUpdates).isEmpty();
    if (renamed) {
      aliases = AuthorNames.read(nameUpdates);
    }
    List<byte[]> newHistory = historySeen.advance(documentUpdates);
    for (byte[] u : newHistory) {
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
    return renamed || !newHistory.isEmpty() || !newLedger.isEmpty();
  }

  /** The attribution of the content as it is now (a full pass over the document's notes). */
  ProjectAttribution attribution() {
    return ProjectAttribution.of(history, AuthorNames.apply(ledger, aliases));
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
