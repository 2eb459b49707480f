package org.ensemble.server.store;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the stores' own threads: named, so that a thread dump shows which store does
 * what, and daemon, so that a store someone forgot to close never keeps the JVM alive.
 */
public final class StoreThreads {
  private StoreThreads() {}

  /** Threads named {@code name-1}, {@code name-2}, ... */
  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
