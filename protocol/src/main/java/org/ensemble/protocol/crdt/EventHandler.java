package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An ordered list of listeners. Every listener is called even if an earlier one throws; the first
 * exception is rethrown afterwards, so one faulty observer cannot starve the others.
 */
final class EventHandler<L> {
  private List<L> listeners = List.of();

  Subscription add(L listener) {
    List<L> next = new ArrayList<>(listeners);
    next.add(listener);
    listeners = next;
    return () -> remove(listener);
  }

  boolean remove(L listener) {
    List<L> next = new ArrayList<>(listeners);
    boolean removed = next.remove(listener);
    listeners = next;
    return removed;
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void clear() {
    listeners = List.of();
  }

  <A> void call(A arg, BiConsumer<L, A> invoke) {
    if (listeners.isEmpty()) {
      return;
    }
    RuntimeException first = null;
    for (L l : listeners) {
      try {
        invoke.accept(l, arg);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
