package org.ensemble.server.testing;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting in tests, always on a condition and always with a deadline, never for a fixed time. */
public final class Await {
  /** Generous: a loaded CI machine with 2 cores can be slow, and a passing test never waits this long. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private Await() {}

  /** The stage's value; its failure as an {@link ExecutionException}; fails the test after a minute. */
  public static <T> T result(CompletionStage<T> stage) throws ExecutionException, InterruptedException {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the operation did not complete within " + TIMEOUT, e);
    }
  }

  /** The exception a stage failed with; fails the test if it succeeds. */
  public static Throwable failure(CompletionStage<?> stage) throws InterruptedException {
    try {
      Object value = result(stage);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /**
   * Returns once {@code condition} holds, checking it every couple of milliseconds, for conditions
   * that no future signals (a background compaction, a counter).
   */
  public static void until(String description, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting until " + description);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
