package org.ensemble.server.store.disk;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.StoreException;
import org.ensemble.server.store.StoreThreads;

/**
 * The embedded document store: plain files in one directory, nothing to install.
 *
 * <p><b>Files.</b> Per document, named after its id in base32 ({@link FileNames}): {@code stem.log},
 * the updates appended since the last compaction, and {@code stem.snap}, one merged update of
 * everything before. Both are sequences of records in the {@link RecordFormat}:
 * {@code length (4 bytes, big-endian) | CRC32C of length and payload (4 bytes) | payload}.
 * Temp files ({@code *.tmp}) belong to compactions in progress and are removed when the store opens.
 *
 * <p><b>Appends</b> go to one writer thread ({@link GroupCommitWriter}), never run on the caller's
 * thread, and complete once durable. Group commit: the appends that queue up while the writer is busy
 * (and, with a {@code maxBatchDelay}, those that arrive within it) form one batch, across documents:
 * one write per document touched, and one write and one fsync of the shared {@link Journal}, which
 * vouches for the logs until they are fsynced when it rolls over (or the store closes). The fsyncs of
 * successive batches may run side by side ({@link SyncPipeline}).
 *
 * <p><b>Compaction</b> (see {@link Compactions}) starts when a log passes
 * {@code compactionThreshold}, or on {@link #compact}; it is crash-safe at every step.
 *
 * <p><b>Recovery.</b> When the store opens, {@link JournalReplay} first rewrites into the logs
 * whatever acknowledged records a crash took from them (their writes were not fsynced yet). When a
 * document is first used after the store opens, its log is scanned; a
 * torn or damaged tail (a short header, a length past the end of the file, a checksum mismatch) is cut
 * back to the last valid record, fsynced and logged with the bytes dropped. Damage in the middle of a
 * log is treated the same way, as the start of the tail, and the log says so. A damaged snapshot is
 * not cut (it was fsynced before it was renamed into place): loading that document fails instead.
 *
 * <p>Completion: appends complete on the thread of the fsync that made them durable (callers hop to
 * their own context), the other
 * operations on the store's completion thread, loads on a reader thread. {@link #close} drains
 * queued appends first.
 */
public final class DiskDocumentStore implements DocumentStore {
  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());
  /** How long close waits for a running compaction and then for the writer to drain its queue. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
  private static final int READER_THREADS = 2;

  private final DiskStoreConfig config;
  private final BlockingQueue<WriterOp> queue = new LinkedBlockingQueue<>();
  private final StoreCounters counters = new StoreCounters();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService completions;
  private final ExecutorService readers;
  private final ExecutorService compactor;
  private final Outcomes outcomes;
  private final Thread writerThread;
  private final Journal journal;

  private DiskDocumentStore(DiskStoreConfig config, Journal journal) {
    this.config = config;
    this.journal = journal;
    this.completions = Executors.newSingleThreadExecutor(StoreThreads.named("ensemble-disk-completion"));
    this.readers = Executors.newFixedThreadPool(READER_THREADS, StoreThreads.named("ensemble-disk-load"));
    this.compactor = Executors.newSingleThreadExecutor(StoreThreads.named("ensemble-disk-compaction"));
    this.outcomes = new Outcomes(completions);
    DocumentTable table = new DocumentTable(config, counters);
    Compactions compactions = new Compactions(config, table, counters, compactor, queue::add, outcomes,
        closed::get, journal);
    GroupCommitWriter writer = new GroupCommitWriter(queue, config, table, compactions, outcomes,
        counters, readers, journal);
    this.writerThread = StoreThreads.named("ensemble-disk-writer").newThread(writer);
  }

  /**
   * Opens (creating if needed) the store in {@code config.directory()} and removes the temp files of
   * compactions a crash interrupted. Blocks for that I/O: call it at startup, not on an event loop.
   */
  public static DiskDocumentStore open(DiskStoreConfig config) {
    Journal journal;
    long replayed;
    try {
      Files.createDirectories(config.directory());
      DurableFiles.removeLeftovers(config.directory(), DocumentFiles.TEMP_SUFFIX);
      Files.createDirectories(config.directory().resolve(Journal.DIRECTORY));
      DurableFiles.removeLeftovers(config.directory().resolve(Journal.DIRECTORY), DocumentFiles.TEMP_SUFFIX);
      replayed = JournalReplay.run(config, new StoreCounters());
      journal = Journal.open(config.directory(), config.journalSegmentBytes(), config.syncsInFlight());
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot open the document store in " + config.directory() + ": " + e, e);
    }
    DiskDocumentStore store = new DiskDocumentStore(config, journal);
    store.counters.replayed.set(replayed);
    store.writerThread.start();
    return store;
  }

  @Override
  public CompletionStage<List<byte[]>> load(String docId) {
    return submit(docId, done -> new WriterOp.Load(docId, done));
  }

  /**
   * {@inheritDoc} Refuses (with a {@link StoreException}) an update longer than
   * {@code maxRecordBytes} and an id longer than {@value FileNames#MAX_ID_BYTES} UTF-8 bytes.
   */
  @Override
  public CompletionStage<Void> append(String docId, byte[] update) {
    if (update.length > config.maxRecordBytes()) {
      return CompletableFuture.failedStage(new StoreException("an update of " + update.length
          + " bytes is larger than the " + config.maxRecordBytes() + " bytes the store accepts"));
    }
    return submit(docId, done -> new WriterOp.Append(docId, update, done));
  }

  @Override
  public CompletionStage<Void> delete(String docId) {
    return submit(docId, done -> new WriterOp.Delete(docId, done));
  }

  @Override
  public CompletionStage<Long> storedBytes(String docId) {
    return submit(docId, done -> new WriterOp.StoredBytes(docId, done));
  }

  /**
   * Merges everything appended to {@code docId} so far into its snapshot now, whatever the log's size,
   * and completes once the new snapshot is in place (at once when there is nothing to merge). The
   * server may call it when a room goes idle, so that the next load reads one update.
   */
  public CompletionStage<Void> compact(String docId) {
    return submit(docId, done -> new WriterOp.Compact(docId, done));
  }

  /** Counters since the store opened: appends, batches, fsyncs, compactions, recovery cuts. */
  @Override
  public void bindMeters(MeterRegistry registry) {
    DiskStoreMeters.bind(this, registry);
  }

  public DiskStoreStats stats() {
    return counters.snapshot(journal.fsyncNanos());
  }

  private <T> CompletionStage<T> submit(String docId, Function<CompletableFuture<T>, WriterOp> op) {
    if (closed.get()) {
      return CompletableFuture.failedStage(new StoreException("the document store is closed"));
    }
    try {
      FileNames.check(docId);
    } catch (StoreException badId) {
      return CompletableFuture.failedStage(badId);
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    queue.add(op.apply(done));
    // Callers get a stage they cannot complete themselves.
    return done.minimalCompletionStage();
  }

  /**
   * Refuses new work, lets a running compaction finish, writes and fsyncs every append queued before
   * this call, then stops the store's threads. Blocks until then (bounded by a minute per phase).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    compactor.shutdown();
    awaitQuietly(compactor, "a running compaction");
    queue.add(new WriterOp.Close());
    try {
      writerThread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writerThread.isAlive()) {
      LOG.log(System.Logger.Level.ERROR, "the writer thread did not finish within " + CLOSE_TIMEOUT);
    } else {
      failLeftovers();
    }
    readers.shutdown();
    completions.shutdown();
    awaitQuietly(readers, "loads");
    awaitQuietly(completions, "completions");
  }

  /** Operations that raced with close and came in behind the writer's last one. */
  private void failLeftovers() {
    StoreException closedError = new StoreException("the document store is closed");
    for (WriterOp op = queue.poll(); op != null; op = queue.poll()) {
      op.fail(outcomes, closedError);
    }
  }

  private static void awaitQuietly(ExecutorService executor, String what) {
    try {
      if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.ERROR, what + " did not finish within " + CLOSE_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
