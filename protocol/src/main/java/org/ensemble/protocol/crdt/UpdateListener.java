package org.ensemble.protocol.crdt;

/** Receives the update a transaction produced, ready to send to other replicas or to store. */
@FunctionalInterface
public interface UpdateListener {
  void onUpdate(byte[] update, Object origin, Transaction transaction);
}
