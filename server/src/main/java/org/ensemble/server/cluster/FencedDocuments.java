package org.ensemble.server.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.FencedWriteException;
import org.ensemble.server.store.StoreException;
import org.ensemble.server.store.redis.RedisDocumentStore;

/**
 * The Redis document store as a cluster node writes it: every append to a room's documents (the
 * project and its ledger) carries the epoch under which this node took the room, and Redis refuses it
 * once another node took the room over since. A refusal tells the node to step down. The epoch of a
 * room this node stepped down from stays, so its late writes stay fenced; documents of rooms this node
 * never owned (an account's anonymisation rewriting a ledger) are appended as they are.
 */
public final class FencedDocuments implements DocumentStore {
  private static final long CLAIM_TIMEOUT_SECONDS = 10;

  private final RedisDocumentStore redis;
  private final Map<String, Long> epochs = new ConcurrentHashMap<>();
  private final Map<String, Boolean> owning = new ConcurrentHashMap<>();
  private volatile Consumer<String> fenced = projectId -> {};

  public FencedDocuments(RedisDocumentStore redis) {
    this.redis = redis;
  }

  /** The room (project) a document belongs to: the project's own id, or its ledger's. */
  static String roomOf(String docId) {
    int hash = docId.indexOf('#');
    return hash < 0 ? docId : docId.substring(0, hash);
  }

  /** Raises the room's fences and returns the new epoch; blocks (worker threads only). */
  long raiseFence(String projectId) {
    try {
      return redis.claimFence(projectId, Attribution.ledgerId(projectId)).toCompletableFuture()
          .get(CLAIM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while claiming " + projectId, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new StoreException("could not claim " + projectId + ": " + e.getMessage(), e);
    }
  }

  void owning(String projectId, long epoch) {
    epochs.put(projectId, epoch);
    owning.put(projectId, Boolean.TRUE);
  }

  /** The room's lease was given up after it unloaded: nothing of it is left to write. */
  void released(String projectId, long epoch) {
    owning.remove(projectId);
    epochs.remove(projectId, epoch);
  }

  void onFenced(Consumer<String> listener) {
    this.fenced = listener;
  }

  int owned() {
    return owning.size();
  }

  @Override
  public CompletionStage<Void> append(String docId, byte[] update) {
    String room = roomOf(docId);
    Long epoch = epochs.get(room);
    if (epoch == null) {
      return redis.append(docId, update);
    }
    return redis.appendFenced(docId, epoch, update).whenComplete((v, e) -> {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof FencedWriteException) {
        owning.remove(room);
        fenced.accept(room);
      }
    });
  }

  @Override
  public CompletionStage<List<byte[]>> load(String docId) {
    return redis.load(docId);
  }

  @Override
  public CompletionStage<Void> delete(String docId) {
    return redis.delete(docId);
  }

  @Override
  public CompletionStage<Long> storedBytes(String docId) {
    return redis.storedBytes(docId);
  }

  @Override
  public void bindMeters(MeterRegistry registry) {
    redis.bindMeters(registry);
  }

  @Override
  public void close() {
    redis.close();
  }

}
