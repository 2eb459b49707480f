package org.ensemble.protocol.crdt;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** A change of a {@link YMap}: which keys changed. */
public final class YMapEvent extends YEvent {
  private final Set<String> keysChanged;

  YMapEvent(YMap map, Transaction transaction, Set<String> subs) {
    super(map, transaction);
    Set<String> keys = new HashSet<>(subs);
    keys.remove(null);
    this.keysChanged = Collections.unmodifiableSet(keys);
  }

  public Set<String> keysChanged() {
    return keysChanged;
  }
}
