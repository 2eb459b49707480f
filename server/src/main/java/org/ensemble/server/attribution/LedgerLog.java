package org.ensemble.server.attribution;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.AnyEncoding;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.ensemble.server.sync.ServerClientIds;

/**
 * How the ledger is stored: as a Yjs document of its own, kept in the project's {@link
 * org.ensemble.server.store.DocumentStore} beside the project under {@link #docId}. Its one root, the
 * array {@value #ROOT}, holds one binary value per entry, appended by the server under the client id
 * {@link ServerClientIds#LEDGER}. Being a Yjs update, each appended entry rides the store's group
 * commit, and the store's compaction merges the ledger like any document (consecutive entries merge
 * into one item: about 2 bytes of framing per entry); a load after a crash that repeats records is
 * harmless, as Yjs ignores what it already has.
 */
final class LedgerLog {
  static final String ROOT = "entries";
  /** Content reference of {@code ContentAny} and the info bit "an origin follows" in format v1. */
  private static final int CONTENT_ANY = 8;
  private static final int HAS_ORIGIN = 0x80;

  private LedgerLog() {}

  /** The ledger's id in the document store; project ids never contain '#'. */
  static String docId(String projectId) {
    return projectId + "#attribution";
  }

  /**
   * A v1 update that appends one entry at {@code clock} (the entry count before it) to the ledger's
   * array: the first entry names the root, every later one follows its predecessor.
   */
  static byte[] entryUpdate(int clock, byte[] entry) {
    Lib0Encoder out = new Lib0Encoder(entry.length + 24);
    out.writeVarUint(1); // one client
    out.writeVarUint(1); // one struct
    out.writeVarUint(ServerClientIds.LEDGER);
    out.writeVarUint(clock);
    if (clock == 0) {
      out.writeUint8(CONTENT_ANY);
      out.writeVarUint(1); // the parent is a root, named next
      out.writeVarString(ROOT);
    } else {
      out.writeUint8(CONTENT_ANY | HAS_ORIGIN);
      out.writeVarUint(ServerClientIds.LEDGER);
      out.writeVarUint(clock - 1);
    }
    out.writeVarUint(1); // one value
    out.writeUint8(AnyEncoding.UINT8ARRAY);
    out.writeVarUint8Array(entry);
    out.writeVarUint(0); // no deletions
    return out.toByteArray();
  }

  /** The ledger the stored updates hold, with its id maps for queries. */
  static Ledger read(List<byte[]> updates) {
    return read(updates, new Ledger());
  }

  /** The ledger's entries and client id bindings only, for a room's gate. */
  static Ledger readBindings(List<byte[]> updates) {
    return read(updates, new Ledger(false));
  }

  private static Ledger read(List<byte[]> updates, Ledger ledger) {
    Doc doc = new Doc();
    for (byte[] u : updates) {
      doc.applyUpdate(u);
    }
    readNew(doc, ledger);
    return ledger;
  }

  /** Adds to {@code ledger} the entries of the ledger document {@code doc} past those it holds. */
  static void readNew(Doc doc, Ledger ledger) {
    int seq = 0;
    int known = ledger.size();
    long time = known == 0 ? 0 : ledger.entries().get(known - 1).attributes().time();
    for (Object value : doc.getArray(ROOT)) {
      if (seq < known) {
        seq++;
        continue;
      }
      if (!(value instanceof byte[])) {
        throw new IllegalStateException("ledger entry " + seq + " is not binary: " + value);
      }
      LedgerEntry entry = EntryCodec.decode(seq++, (byte[]) value, time);
      time = entry.attributes().time();
      ledger.add(entry);
    }
  }
}
