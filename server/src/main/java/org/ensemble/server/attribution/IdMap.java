package org.ensemble.server.attribution;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ensemble.protocol.crdt.ID;

/**
 * Id ranges mapped to ledger entries (Yjs v14's {@code IdMap}): per client, disjoint clock runs,
 * each naming the entry that first covered it. Adding a range fills only the clocks not yet covered,
 * so the first update to insert (or delete) an id keeps it, whatever repeats that id later.
 */
final class IdMap {
  /** A run of clocks of one client attributed to one entry. */
  private record Run(int clock, int length, int seq) {
    int end() {
      return clock + length;
    }
  }

  private final Map<Long, TreeMap<Integer, Run>> clients = new HashMap<>();
  private int runs;

  /** Attributes the clocks {@code clock .. clock + length - 1} of {@code client} not yet covered to {@code seq}. */
  void add(long client, int clock, int length, int seq) {
    TreeMap<Integer, Run> byClock = clients.computeIfAbsent(client, c -> new TreeMap<>());
    int pos = clock;
    int end = clock + length;
    Map.Entry<Integer, Run> before = byClock.floorEntry(pos);
    if (before != null && before.getValue().end() > pos) {
      pos = before.getValue().end();
    }
    while (pos < end) {
      Map.Entry<Integer, Run> next = byClock.ceilingEntry(pos);
      int gapEnd = next == null ? end : Math.min(end, next.getKey());
      if (gapEnd > pos) {
        put(byClock, new Run(pos, gapEnd - pos, seq));
      }
      pos = next == null ? end : Math.max(gapEnd, next.getValue().end());
    }
  }

  /** Stores a run, merged with its left neighbour when that one ends where it starts with the same entry. */
  private void put(TreeMap<Integer, Run> byClock, Run run) {
    Map.Entry<Integer, Run> left = byClock.lowerEntry(run.clock());
    if (left != null && left.getValue().end() == run.clock() && left.getValue().seq() == run.seq()) {
      byClock.put(left.getKey(), new Run(left.getKey(), left.getValue().length() + run.length(), run.seq()));
    } else {
      byClock.put(run.clock(), run);
      runs++;
    }
  }

  /** The entry covering {@code id}, or -1. */
  int get(ID id) {
    return get(id.client, id.clock);
  }

  int get(long client, int clock) {
    TreeMap<Integer, Run> byClock = clients.get(client);
    if (byClock == null) {
      return -1;
    }
    Map.Entry<Integer, Run> e = byClock.floorEntry(clock);
    return e != null && e.getValue().end() > clock ? e.getValue().seq() : -1;
  }

  /** How many runs the map holds (its size does not grow with the length of the runs). */
  int runCount() {
    return runs;
  }
}
