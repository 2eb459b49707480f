package org.ensemble.server.store.disk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.ensemble.server.store.StoreException;

/**
 * Completes the futures the store hands out, on the store's completion thread rather than on the
 * writer: whatever a caller chains onto a stage without an executor then runs there, and a slow
 * callback cannot hold up the next group commit. One thread keeps per-document completion order.
 */
final class Outcomes {
  private final Executor completions;

  Outcomes(Executor completions) {
    this.completions = completions;
  }

  <T> void succeed(CompletableFuture<T> future, T value) {
    completions.execute(() -> future.complete(value));
  }

  void succeedAll(List<CompletableFuture<Void>> futures) {
    if (!futures.isEmpty()) {
      completions.execute(() -> futures.forEach(future -> future.complete(null)));
    }
  }

  /**
   * Completes acknowledged appends at once, on the writer thread: one thread hop less on the path
   * every edit takes. Safe because callers hop to their own context anyway ({@code
   * Future.fromCompletionStage(stage, context)}, as the DocumentStore contract asks), so what runs
   * here is only that hand-off.
   */
  static void acknowledge(List<CompletableFuture<Void>> futures) {
    futures.forEach(future -> future.complete(null));
  }

  void fail(CompletableFuture<?> future, String what, Throwable cause) {
    StoreException failure = asStoreException(what, cause);
    completions.execute(() -> future.completeExceptionally(failure));
  }

  void failAll(List<? extends CompletableFuture<?>> futures, String what, Throwable cause) {
    if (!futures.isEmpty()) {
      StoreException failure = asStoreException(what, cause);
      completions.execute(() -> futures.forEach(future -> future.completeExceptionally(failure)));
    }
  }

  /** {@code cause} itself when it already says what failed, else a StoreException that does. */
  static StoreException asStoreException(String what, Throwable cause) {
    if (cause instanceof StoreException store) {
      return store;
    }
    return new StoreException(what + ": " + cause, cause);
  }
}
