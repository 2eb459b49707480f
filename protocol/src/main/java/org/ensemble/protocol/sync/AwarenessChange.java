package org.ensemble.protocol.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The clients an awareness change or update concerns, as y-protocols reports them. In a "change"
 * event {@code updated} lists only clients whose state differs (deep equality); in an "update" event it
 * lists every client whose state was re-sent, which is what a provider forwards to keep peers alive.
 * A list may name a client twice when one awareness update carried it twice.
 */
public record AwarenessChange(List<Long> added, List<Long> updated, List<Long> removed) {
  public AwarenessChange {
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    removed = List.copyOf(removed);
  }

  /** Every client named, in the order y-websocket re-encodes them: added, updated, removed. */
  public List<Long> changedClients() {
    List<Long> all = new ArrayList<>(added.size() + updated.size() + removed.size());
    all.addAll(added);
    all.addAll(updated);
    all.addAll(removed);
    return all;
  }
}
