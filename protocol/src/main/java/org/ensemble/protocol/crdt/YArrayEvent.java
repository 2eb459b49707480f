package org.ensemble.protocol.crdt;

/**
 * A change of a {@link YArray}; read it through {@link #delta()}, or {@link #insertedValues()} when only
 * what arrived matters (it does not walk the list).
 */
public final class YArrayEvent extends YEvent {
  YArrayEvent(AbstractType array, Transaction transaction) {
    super(array, transaction);
  }
}
