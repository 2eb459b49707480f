package org.ensemble.server.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.ID;
import org.ensemble.protocol.crdt.IdRange;
import org.ensemble.server.sync.ServerClientIds;

/**
 * A project's ledger, read into memory for queries: its entries in order, and two {@link IdMap}s
 * from id ranges to the entry that inserted and that deleted them. Also the binding of each client
 * id to the user who first wrote under it, which the {@link AttributionGate} enforces.
 */
public final class Ledger {
  private final List<LedgerEntry> entries;
  private final IdMap inserts;
  private final IdMap deletes;
  private final Map<Long, String> owners;
  private final boolean indexed;

  /** A ledger for queries: entries, id maps and bindings. */
  Ledger() {
    this(true);
  }

  /** @param indexed false for a ledger that only needs its bindings and its length (a room's gate) */
  Ledger(boolean indexed) {
    this(new ArrayList<>(), new IdMap(), new IdMap(), new HashMap<>(), indexed);
  }

  private Ledger(List<LedgerEntry> entries, IdMap inserts, IdMap deletes, Map<Long, String> owners, boolean indexed) {
    this.entries = entries;
    this.inserts = inserts;
    this.deletes = deletes;
    this.owners = owners;
    this.indexed = indexed;
  }

  /**
   * A read-only view for queries with each entry's attributes rewritten (the owner's anonymized
   * authors, {@link AuthorNames}); the id maps are shared, the bindings are not carried (a gate never
   * reads a view).
   */
  Ledger withAttributes(java.util.function.UnaryOperator<Attributes> rewrite) {
    List<LedgerEntry> rewritten = new ArrayList<>(entries.size());
    for (LedgerEntry e : entries) {
      rewritten.add(new LedgerEntry(e.seq(), rewrite.apply(e.attributes()), e.inserted(), e.deleted()));
    }
    return new Ledger(Collections.unmodifiableList(rewritten), inserts, deletes, Map.of(), indexed);
  }

  /** Appends an entry (its seq must be the next one). */
  void add(LedgerEntry entry) {
    if (entry.seq() != entries.size()) {
      throw new IllegalArgumentException("entry " + entry.seq() + " out of order; expected " + entries.size());
    }
    entries.add(entry);
    bindOwners(entry);
    if (!indexed) {
      return;
    }
    for (Map.Entry<Long, List<IdRange>> e : entry.inserted().entrySet()) {
      for (IdRange r : e.getValue()) {
        inserts.add(e.getKey(), r.clock(), r.length(), entry.seq());
      }
    }
    for (Map.Entry<Long, List<IdRange>> e : entry.deleted().entrySet()) {
      for (IdRange r : e.getValue()) {
        deletes.add(e.getKey(), r.clock(), r.length(), entry.seq());
      }
    }
  }

  private void bindOwners(LedgerEntry entry) {
    if (entry.attributes().source() == Source.HUMAN) {
      for (long client : entry.inserted().keySet()) {
        if (!ServerClientIds.isReserved(client)) {
          owners.putIfAbsent(client, entry.attributes().actor());
        }
      }
    }
  }

  public List<LedgerEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }

  /** The entry that inserted {@code id}, or null when the ledger does not know it. */
  public LedgerEntry insertOf(ID id) {
    int seq = inserts.get(id);
    return seq < 0 ? null : entries.get(seq);
  }

  /** The entry that deleted {@code id}, or null when it is not deleted (or the ledger does not know). */
  public LedgerEntry deleteOf(ID id) {
    int seq = deletes.get(id);
    return seq < 0 ? null : entries.get(seq);
  }

  /** The user a client id is bound to, or null. */
  public String ownerOf(long client) {
    return owners.get(client);
  }

  Map<Long, String> owners() {
    return owners;
  }

  /** Runs in both id maps: what the ledger costs in memory, independent of how much each run covers. */
  public int runCount() {
    return inserts.runCount() + deletes.runCount();
  }
}
