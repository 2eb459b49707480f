package org.ensemble.protocol.crdt;

/** A change of a {@link YArray}; read it through {@link #delta()}. */
public final class YArrayEvent extends YEvent {
  YArrayEvent(AbstractType array, Transaction transaction) {
    super(array, transaction);
  }
}
