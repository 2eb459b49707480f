package org.ensemble.protocol.crdt;

/** Listens to the changes of one shared type, once per transaction that changed it. */
@FunctionalInterface
public interface YObserver<E extends YEvent> {
  void onEvent(E event, Transaction transaction);
}
