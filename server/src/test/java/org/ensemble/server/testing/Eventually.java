package org.ensemble.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition to hold, checking it often, up to a deadline (never a fixed sleep). */
public final class Eventually {
  private Eventually() {}

  public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + describe.get());
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(5); // a polling interval, not a wait for something to happen
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  public static void await(BooleanSupplier condition, Supplier<String> describe) {
    await(Duration.ofSeconds(10), condition, describe);
  }
}
