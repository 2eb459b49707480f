package org.ensemble.server.store.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.FencedWriteException;
import org.ensemble.server.store.StoreException;
import org.ensemble.server.store.StoreThreads;

/**
 * The document store on Redis, through Lettuce's asynchronous API. Layout in {@link RedisKeys}: per
 * document a list of updates (the log) and a hash holding the snapshot. An append is one Lua script
 * (RPUSH plus bookkeeping); a load reads snapshot and log in one script; compaction is described in
 * {@link RedisCompactor}. Several servers may share one Redis: every step is atomic in Redis, and a
 * compaction that races with another or with a delete is dropped.
 *
 * <p><b>Durability is Redis's.</b> An append completes when Redis has executed it, and then survives
 * what Redis's persistence makes it survive:
 *
 * <ul>
 *   <li>{@code appendonly yes} with {@code appendfsync always}: Redis fsyncs its append-only file
 *       before it replies, so an acknowledged append survives a crash of Redis or of its machine, as
 *       with the disk store;
 *   <li>{@code appendfsync everysec} (Redis's default once AOF is on): Redis writes before it replies
 *       and fsyncs every second, so a crash of the Redis process loses nothing, a crash of the machine
 *       up to about a second (two in the worst case) of acknowledged appends;
 *   <li>{@code appendonly no} (RDB snapshots only, or none): everything since the last RDB save is
 *       lost when Redis restarts. Fine for tests and caches, not for projects.
 * </ul>
 *
 * Replicas do not change this: Redis replicates asynchronously. On connecting, the store reads these
 * settings and logs a warning when acknowledged appends could be lost.
 *
 * <p>Completion: every stage completes on the store's completion thread (one thread, so appends to a
 * document complete in order), never on Lettuce's I/O threads.
 */
public final class RedisDocumentStore implements DocumentStore {
  /** Close waits for operations a little longer than they can take. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);
  private static final int EPOCH_BYTES = 16;

  private final RedisStoreConfig config;
  private final RedisConnection connection;
  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisKeys keys;
  private final Operations operations =
      new Operations("Redis document store", "ensemble-redis-document-completion");
  private final ExecutorService merger =
      Executors.newSingleThreadExecutor(StoreThreads.named("ensemble-redis-compaction"));
  private final RedisCompactor compactor;

  private RedisDocumentStore(RedisStoreConfig config, RedisConnection connection) {
    this.config = config;
    this.connection = connection;
    this.redis = connection.commands();
    this.keys = new RedisKeys(config.keyPrefix());
    this.compactor = new RedisCompactor(redis, keys, operations, merger, config.compactionThreshold());
  }

  /** Connects to the Redis of {@code config.uri()}; blocks while connecting (call it at startup). */
  public static RedisDocumentStore connect(RedisStoreConfig config) {
    return new RedisDocumentStore(config, RedisConnection.open(config));
  }

  @Override
  public CompletionStage<List<byte[]>> load(String docId) {
    return operations.start("loading document '" + docId + "'",
        () -> DocumentScripts.READ.<List<Object>>run(redis, documentKeys(docId)).thenApply(reply -> {
          List<byte[]> updates = new ArrayList<>();
          if (reply.get(0) != null) {
            updates.add((byte[]) reply.get(0));
          }
          updates.addAll(updates(reply.get(2)));
          return updates;
        }));
  }

  /** {@inheritDoc} Refuses an update longer than {@code maxRecordBytes} and an empty id. */
  @Override
  public CompletionStage<Void> append(String docId, byte[] update) {
    if (update.length > config.maxRecordBytes()) {
      return CompletableFuture.failedStage(new StoreException("an update of " + update.length
          + " bytes is larger than the " + config.maxRecordBytes() + " bytes the store accepts"));
    }
    return operations.start("appending to document '" + docId + "'",
        () -> DocumentScripts.APPEND.<Long>runInOrder(redis, documentKeys(docId), update, newEpoch())
            .thenApply(logBytes -> {
              compactor.afterAppend(docId, logBytes);
              return null;
            }));
  }

  /**
   * {@link #append} by a room's owner in cluster mode, fenced: refused with a {@link FencedWriteException}
   * (and nothing written) when the document's fence has passed {@code epoch}.
   */
  public CompletionStage<Void> appendFenced(String docId, long epoch, byte[] update) {
    if (update.length > config.maxRecordBytes()) {
      return CompletableFuture.failedStage(new StoreException("an update of " + update.length
          + " bytes is larger than the " + config.maxRecordBytes() + " bytes the store accepts"));
    }
    return operations.start("appending to document '" + docId + "'",
        () -> DocumentScripts.APPEND_FENCED.<Long>runInOrder(redis, fencedKeys(docId), update, newEpoch(),
                Long.toString(epoch).getBytes(StandardCharsets.US_ASCII))
            .thenApply(logBytes -> {
              if (logBytes < 0) {
                throw new FencedWriteException("document '" + docId + "' has an owner newer than epoch " + epoch);
              }
              compactor.afterAppend(docId, logBytes);
              return null;
            }));
  }

  /**
   * A room's new epoch for a node taking it over: the fence of {@code docIds[0]} incremented, and the
   * fences of the other documents of the room raised to it. Appends under older epochs fail from then on.
   */
  public CompletionStage<Long> claimFence(String... docIds) {
    return operations.start("claiming document '" + docIds[0] + "'",
        () -> redis.incr(keys.fence(docIds[0])).thenCompose(epoch -> {
          CompletionStage<Long> raised = CompletableFuture.completedFuture(epoch);
          for (int i = 1; i < docIds.length; i++) {
            String other = docIds[i];
            raised = raised.thenCompose(e -> DocumentScripts.RAISE_FENCE.<Long>run(redis, new String[] {keys.fence(other)},
                Long.toString(e).getBytes(StandardCharsets.US_ASCII)).thenApply(after -> e));
          }
          return raised;
        }));
  }

  @Override
  public CompletionStage<Void> delete(String docId) {
    return operations.start("deleting document '" + docId + "'",
        () -> redis.del(documentKeys(docId)).thenApply(removed -> null));
  }

  /** The bytes of the snapshot and of the updates in the log (what Redis holds beyond its overhead). */
  @Override
  public CompletionStage<Long> storedBytes(String docId) {
    return operations.start("sizing document '" + docId + "'",
        () -> DocumentScripts.STORED_BYTES.<Long>run(redis, documentKeys(docId)));
  }

  /**
   * Merges everything appended to {@code docId} so far into its snapshot now, whatever the log's
   * size; completes once the snapshot is installed (at once when the log is empty).
   */
  public CompletionStage<Void> compact(String docId) {
    return operations.start("compacting document '" + docId + "'", () -> compactor.compact(docId));
  }

  /** Compactions this store installed since it connected. */
  public long compactions() {
    return compactor.completed();
  }

  private String[] fencedKeys(String docId) {
    return new String[] {keys.log(docId), keys.state(docId), keys.fence(docId)};
  }

  private String[] documentKeys(String docId) {
    return new String[] {keys.log(docId), keys.state(docId)};
  }

  /** A fresh random epoch (see {@link RedisKeys}): 128 bits, so two never meet. */
  static byte[] newEpoch() {
    byte[] epoch = new byte[EPOCH_BYTES];
    ThreadLocalRandom.current().nextBytes(epoch);
    return HexFormat.of().formatHex(epoch).getBytes(StandardCharsets.US_ASCII);
  }

  /** The updates of a Lua array reply (Lettuce gives the elements as byte arrays). */
  static List<byte[]> updates(Object reply) {
    List<byte[]> updates = new ArrayList<>();
    for (Object element : (List<?>) reply) {
      updates.add((byte[]) element);
    }
    return updates;
  }

  /** Waits for started operations (appends included) to finish, then closes the connection. */
  @Override
  public void close() {
    operations.closeAndAwait(config.commandTimeout().plus(CLOSE_MARGIN));
    connection.close();
    merger.shutdown();
  }
}
