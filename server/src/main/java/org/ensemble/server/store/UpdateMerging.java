package org.ensemble.server.store;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.Updates;

/**
 * Merging many updates into one for compaction. {@link Updates#mergeUpdates} (like Yjs's) re-sorts all
 * of its inputs for every struct it writes, so one call over n updates costs about n squared: 8,000
 * typing updates took 270 ms here, a 1 MiB log of them (30,000) seconds. Merging is associative, so
 * merging groups of {@value #GROUP} and then the results, level by level, gives the same bytes in a few
 * milliseconds.
 */
public final class UpdateMerging {
  /** Small enough to keep each merge cheap, large enough to keep the levels few. */
  static final int GROUP = 32;

  private UpdateMerging() {}

  /** One update with the effect of all of {@code updates} in order (an empty update for none). */
  public static byte[] merge(List<byte[]> updates) {
    List<byte[]> level = updates;
    while (level.size() > GROUP) {
      List<byte[]> next = new ArrayList<>((level.size() + GROUP - 1) / GROUP);
      for (int start = 0; start < level.size(); start += GROUP) {
        next.add(Updates.mergeUpdates(level.subList(start, Math.min(level.size(), start + GROUP))));
      }
      level = next;
    }
    return Updates.mergeUpdates(level);
  }
}
