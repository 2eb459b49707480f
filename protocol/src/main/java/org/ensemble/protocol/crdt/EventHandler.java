package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An ordered list of listeners. Every listener is called even if an earlier one throws; the first
 * exception is rethrown afterwards, so one faulty observer cannot starve the others. Listeners may be
 * added or removed while an event is delivered; the change applies from the next event on.
 */
public final class EventHandler<L> {
  private List<L> listeners = List.of();

  public Subscription add(L listener) {
    List<L> next = new ArrayList<>(listeners);
    next.add(listener);
    listeners = next;
    return () -> remove(listener);
  }

  public boolean remove(L listener) {
    List<L> next = new ArrayList<>(listeners);
    boolean removed = next.remove(listener);
    listeners = next;
    return removed;
  }

  public boolean isEmpty() {
    return listeners.isEmpty();
  }

  public void clear() {
    listeners = List.of();
  }

  /** Calls {@code invoke(listener, arg)} for every listener. */
  public <A> void call(A arg, BiConsumer<L, A> invoke) {
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
