package org.ensemble.protocol.crdt;

import java.util.List;

/** Listens to the changes of a shared type and of every type nested in it, once per transaction. */
@FunctionalInterface
public interface YDeepObserver {
  void onEvents(List<YEvent> events, Transaction transaction);
}
