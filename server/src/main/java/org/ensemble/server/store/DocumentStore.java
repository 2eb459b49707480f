package org.ensemble.server.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Durable storage of project documents as Yjs v1 updates: an append-only log per document, compacted
 * now and then into one merged update (a snapshot). The server broadcasts an update, and counts it as
 * accepted, only once {@link #append} has completed: after that it survives a crash of the process.
 *
 * <p>Implementations are thread-safe and never block the caller: every operation returns a
 * {@link CompletionStage} completed from the store's own threads (the server hops back onto its event
 * loop with {@code Future.fromCompletionStage(stage, context)}). Appends to one document complete in
 * the order they were made. Failures complete the stage exceptionally with a {@link StoreException}:
 * an I/O or Redis error, an update larger than the store's configured maximum, an id the store cannot
 * hold (every store refuses the empty id; the disk store also ids over 135 UTF-8 bytes), a call after
 * {@link #close}. A failed append may or may not have been stored, as after a crash: the update is
 * then not acknowledged, and a later load may or may not contain it.
 *
 * <p>Stores keep the arrays they are given and hand out, without copying: do not change an update
 * after passing it to {@link #append}, nor the arrays a {@link #load} returned.
 */
public interface DocumentStore extends AutoCloseable {

  /**
   * Everything stored for {@code docId}, in order: the snapshot (if any) first, then the updates
   * appended since. An empty list for a document never written (or deleted). Applying the list in
   * order to a fresh Doc rebuilds the document. It holds every acknowledged append; after a crash in
   * the middle of a compaction some updates may come twice, inside the snapshot and after it, which
   * Yjs ignores (so do not count updates to measure a document).
   */
  CompletionStage<List<byte[]>> load(String docId);

  /**
   * Appends one update durably (for the disk store: written and fsynced, fsyncs grouped over a few
   * milliseconds under load). May compact the document's log into a snapshot when it grows past the
   * configured size; compaction never loses or reorders what was appended.
   */
  CompletionStage<Void> append(String docId, byte[] update);

  /** Removes everything stored for {@code docId}; completes when that is durable. */
  CompletionStage<Void> delete(String docId);

  /** The bytes stored for {@code docId} (snapshot plus log), 0 when nothing is stored. */
  CompletionStage<Long> storedBytes(String docId);

  /**
   * Registers the store's own meters (served on {@code /metrics}), read from its counters at scrape
   * time. A store without counters of its own registers nothing.
   */
  default void bindMeters(MeterRegistry registry) {}

  /**
   * Stops accepting work, waits for pending writes (appends already made complete normally) and
   * releases files and connections. Blocks until then; calling it again does nothing.
   */
  @Override
  void close();
}
