package org.ensemble.server.attribution;

import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.IdRange;

/**
 * One applied update in the ledger: its attributes and the id ranges it inserted and deleted, per
 * client (read from the update without a document). However many notes an update holds, its entry
 * is a few ranges: a paste of 10,000 notes inserts one range.
 *
 * @param seq the entry's position in the ledger, from 0
 */
public record LedgerEntry(int seq, Attributes attributes, Map<Long, List<IdRange>> inserted,
                          Map<Long, List<IdRange>> deleted) {

  /** How many ids the entry inserted. */
  public long insertedCount() {
    return count(inserted);
  }

  /** How many ids the entry deleted. */
  public long deletedCount() {
    return count(deleted);
  }

  /** How many ranges the entry holds, inserted and deleted together. */
  public int rangeCount() {
    int n = 0;
    for (List<IdRange> r : inserted.values()) {
      n += r.size();
    }
    for (List<IdRange> r : deleted.values()) {
      n += r.size();
    }
    return n;
  }

  private static long count(Map<Long, List<IdRange>> ranges) {
    long n = 0;
    for (List<IdRange> rs : ranges.values()) {
      for (IdRange r : rs) {
        n += r.length();
      }
    }
    return n;
  }
}
