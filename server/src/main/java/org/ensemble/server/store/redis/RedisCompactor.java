package org.ensemble.server.store.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.ensemble.server.store.UpdateMerging;
import org.ensemble.server.store.StoreException;

/**
 * Compaction for the Redis document store: read the snapshot and the log together ({@link
 * DocumentScripts#READ}), merge them here with {@link UpdateMerging#merge} on the compaction thread,
 * and install the result with {@link DocumentScripts#INSTALL}, which sets the snapshot and trims
 * exactly the merged updates off the head of the log, and only if the document's epoch is still the
 * one read. Appends that arrive meanwhile stay in the log behind the merged ones; a compaction that
 * lost a race (another server, a delete) changes nothing.
 */
final class RedisCompactor {
  private static final System.Logger LOG = System.getLogger(RedisDocumentStore.class.getName());
  /** An explicit compaction that keeps losing races gives up after this many reads. */
  private static final int MAX_ATTEMPTS = 5;

  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisKeys keys;
  private final Operations operations;
  private final Executor merger;
  private final long threshold;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  /** After a failed merge: the log size at which to try again (not at every append). */
  private final Map<String, Long> retryAt = new ConcurrentHashMap<>();
  private final AtomicLong completed = new AtomicLong();

  RedisCompactor(RedisAsyncCommands<String, byte[]> redis, RedisKeys keys, Operations operations,
      Executor merger, long threshold) {
    this.redis = redis;
    this.keys = keys;
    this.operations = operations;
    this.merger = merger;
    this.threshold = threshold;
  }

  long completed() {
    return completed.get();
  }

  /** After an append that left {@code logBytes} in the log: compacts in the background if due. */
  void afterAppend(String docId, long logBytes) {
    if (logBytes < Math.max(threshold, retryAt.getOrDefault(docId, 0L)) || operations.closed()
        || !running.add(docId)) {
      return;
    }
    operations.start("compacting document '" + docId + "'", () -> attempt(docId))
        .whenComplete((installed, failure) -> {
          running.remove(docId);
          if (failure == null) {
            retryAt.remove(docId);
          } else if (!operations.closed()) {
            retryAt.put(docId, logBytes + threshold);
            LOG.log(System.Logger.Level.ERROR, "compacting document '" + docId + "' failed; the next"
                + " try comes when its log reaches " + (logBytes + threshold) + " bytes", failure);
          }
        });
  }

  /** Compacts now, trying again when another compaction won the race. */
  CompletionStage<Void> compact(String docId) {
    return attemptUntilInstalled(docId, 1);
  }

  private CompletionStage<Void> attemptUntilInstalled(String docId, int attempt) {
    return attempt(docId).thenCompose(installed -> {
      if (installed) {
        return CompletableFuture.completedFuture(null);
      }
      if (attempt >= MAX_ATTEMPTS) {
        return CompletableFuture.failedFuture(new StoreException("compacting document '" + docId
            + "' lost " + attempt + " races with other compactions of it"));
      }
      return attemptUntilInstalled(docId, attempt + 1);
    });
  }

  /** True when a compaction was installed or there was nothing to merge; false when it lost a race. */
  private CompletionStage<Boolean> attempt(String docId) {
    String[] documentKeys = {keys.log(docId), keys.state(docId)};
    return DocumentScripts.READ.<List<Object>>run(redis, documentKeys)
        .thenApplyAsync(reply -> plan(docId, reply), merger)
        .thenCompose(plan -> {
          if (plan == null) {
            return CompletableFuture.completedFuture(true);
          }
          return DocumentScripts.INSTALL.<Long>run(redis, documentKeys, plan.epoch(),
                  RedisDocumentStore.newEpoch(), plan.merged(), ascii(plan.count()), ascii(plan.bytes()))
              .thenApply(installed -> {
                if (installed == 1L) {
                  completed.incrementAndGet();
                }
                return installed == 1L;
              });
        });
  }

  /** What to install: the merge of what was read; null when the log is empty. */
  private record Plan(byte[] epoch, byte[] merged, long count, long bytes) {}

  private static Plan plan(String docId, List<Object> reply) {
    byte[] snapshot = (byte[]) reply.get(0);
    byte[] epoch = (byte[]) reply.get(1);
    List<byte[]> log = RedisDocumentStore.updates(reply.get(2));
    if (log.isEmpty()) {
      return null;
    }
    if (epoch == null) {
      throw new StoreException("document '" + docId + "' has a log but no epoch: its keys were"
          + " written by something other than this store");
    }
    List<byte[]> all = new ArrayList<>(log.size() + 1);
    if (snapshot != null) {
      all.add(snapshot);
    }
    all.addAll(log);
    long bytes = log.stream().mapToLong(update -> update.length).sum();
    return new Plan(epoch, UpdateMerging.merge(all), log.size(), bytes);
  }

  private static byte[] ascii(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }
}
