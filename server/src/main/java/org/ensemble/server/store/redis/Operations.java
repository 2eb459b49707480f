package org.ensemble.server.store.redis;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.ensemble.server.store.StoreException;
import org.ensemble.server.store.StoreThreads;

/**
 * The life of every operation of a Redis store: started only while the store is open, tracked until
 * it ends (so that {@link #closeAndAwait} can wait for it), and completed on the store's completion
 * thread, not on Lettuce's I/O thread, with any failure as a {@link StoreException} that says what
 * failed. One completion thread keeps the completion order of what Redis answered in order, such as
 * the appends to one document. Starting and closing exclude each other (a read-write lock), so no
 * operation slips in after close has taken its list.
 */
final class Operations {
  private static final System.Logger LOG = System.getLogger(Operations.class.getName());

  private final String storeName;
  private final ExecutorService completions;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  Operations(String storeName, String threadName) {
    this.storeName = storeName;
    this.completions = Executors.newSingleThreadExecutor(StoreThreads.named(threadName));
  }

  boolean closed() {
    return closed;
  }

  /** Starts {@code operation} (its stage may complete on any thread) unless the store is closed. */
  <T> CompletionStage<T> start(String what, Supplier<? extends CompletionStage<T>> operation) {
    lock.readLock().lock();
    try {
      if (closed) {
        return CompletableFuture.failedStage(new StoreException("the " + storeName + " is closed"));
      }
      CompletableFuture<T> done = new CompletableFuture<>();
      pending.add(done);
      done.whenComplete((value, failure) -> pending.remove(done));
      CompletionStage<T> running;
      try {
        running = operation.get();
      } catch (RuntimeException e) {
        running = CompletableFuture.failedStage(e);
      }
      running.whenCompleteAsync((value, failure) -> {
        if (failure == null) {
          done.complete(value);
        } else {
          done.completeExceptionally(asStoreException(what, failure));
        }
      }, completions);
      return done.minimalCompletionStage();
    } finally {
      lock.readLock().unlock();
    }
  }

  private StoreException asStoreException(String what, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    return cause instanceof StoreException store
        ? store
        : new StoreException(what + " in Redis failed: " + cause, cause);
  }

  /**
   * Refuses new operations, waits (up to {@code timeout}) for the started ones to end, then stops the
   * completion thread once it has delivered them.
   */
  void closeAndAwait(Duration timeout) {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
    CompletableFuture<?>[] started = pending.toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(started).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException someFailed) {
      // Each caller sees its own failure; closing only waits for the end.
    } catch (TimeoutException e) {
      LOG.log(System.Logger.Level.ERROR, "the " + storeName + " closes with " + pending.size()
          + " operations unfinished after " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    completions.shutdown();
    try {
      completions.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
