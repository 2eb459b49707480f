package org.ensemble.server.store.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.store.StoreException;

/**
 * The writer thread: the only thread that changes document files. It takes {@link WriterOp}s from one
 * queue in order. Appends are gathered into a batch for up to {@code maxBatchDelay} after the first
 * (or until {@code maxBatchBytes}); the batch is then written, one write per document, and
 * journaled ({@link Journal}); the journal's fsync runs in the background, beside those of the
 * batches before and after ({@link SyncPipeline}), and the batch's appends complete when it is durable.
 * Any other operation that changes files first commits the pending batch, so per-document order holds
 * across all operations.
 */
final class GroupCommitWriter implements Runnable {
  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());

  private final BlockingQueue<WriterOp> queue;
  private final DiskStoreConfig config;
  private final DocumentTable table;
  private final Compactions compactions;
  private final Outcomes outcomes;
  private final StoreCounters counters;
  private final ExecutorService readers;
  private final Journal journal;
  private final long maxBatchDelayNanos;

  private final Map<String, List<WriterOp.Append>> batch = new LinkedHashMap<>();
  private long batchBytes;

  /** One document's part of a batch: written to its log from {@code start} to {@code end}. */
  private record Written(DocumentFiles files, List<WriterOp.Append> appends, long start, long end) {}

  GroupCommitWriter(BlockingQueue<WriterOp> queue, DiskStoreConfig config, DocumentTable table,
      Compactions compactions, Outcomes outcomes, StoreCounters counters, ExecutorService readers,
      Journal journal) {
    this.queue = queue;
    this.config = config;
    this.table = table;
    this.compactions = compactions;
    this.outcomes = outcomes;
    this.counters = counters;
    this.readers = readers;
    this.journal = journal;
    this.maxBatchDelayNanos = config.maxBatchDelay().toNanos();
  }

  @Override
  public void run() {
    try {
      boolean open = true;
      while (open) {
        open = handle(queue.take());
        long deadline = System.nanoTime() + maxBatchDelayNanos;
        while (open && !batch.isEmpty() && batchBytes < config.maxBatchBytes()) {
          long wait = deadline - System.nanoTime();
          WriterOp next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          open = handle(next);
        }
        commit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.log(System.Logger.Level.ERROR, "the writer thread was interrupted; pending appends fail");
    } finally {
      failBatch(new IllegalStateException("the store closed before the batch was written"));
      table.closeAll();
      try {
        journal.close();
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "closing the journal failed; the next start replays it", e);
      }
    }
  }

  /** Carries out one operation; false when it was {@link WriterOp.Close}. */
  private boolean handle(WriterOp op) throws InterruptedException {
    try {
      return dispatch(op);
    } catch (RuntimeException e) {
      // Operations fail their own futures; this keeps a bug from stopping every later append.
      LOG.log(System.Logger.Level.ERROR, "the writer thread failed on " + op, e);
      op.fail(outcomes, e);
      return true;
    }
  }

  private boolean dispatch(WriterOp op) throws InterruptedException {
    if (op instanceof WriterOp.Append append) {
      batch.computeIfAbsent(append.docId(), id -> new ArrayList<>()).add(append);
      batchBytes += append.update().length;
    } else if (op instanceof WriterOp.Load load) {
      load(load);
    } else if (op instanceof WriterOp.StoredBytes query) {
      storedBytes(query);
    } else {
      // Everything else changes files: the batch before it goes first.
      commit();
      if (op instanceof WriterOp.Delete delete) {
        delete(delete);
      } else if (op instanceof WriterOp.Compact compact) {
        compact(compact);
      } else if (op instanceof WriterOp.InstallSnapshot install) {
        compactions.install(install);
      } else if (op instanceof WriterOp.CompactionFailed failure) {
        compactions.failed(failure);
      } else if (op instanceof WriterOp.Close) {
        return false;
      }
    }
    return true;
  }

  private void load(WriterOp.Load op) {
    try {
      DocumentFiles files = table.find(op.docId());
      if (files == null || !files.stored()) {
        outcomes.succeed(op.done(), List.of());
        return;
      }
      ReadView view = files.view();
      readers.execute(() -> {
        try (view) {
          op.done().complete(view.readAll(config.maxRecordBytes()));
        } catch (IOException | RuntimeException e) {
          op.done().completeExceptionally(
              Outcomes.asStoreException("loading document '" + op.docId() + "'", e));
        }
      });
    } catch (IOException | RuntimeException e) {
      outcomes.fail(op.done(), "loading document '" + op.docId() + "'", e);
    }
  }

  private void storedBytes(WriterOp.StoredBytes op) {
    try {
      DocumentFiles files = table.find(op.docId());
      outcomes.succeed(op.done(), files == null ? 0L : files.snapshotSize + files.logSize);
    } catch (IOException | RuntimeException e) {
      outcomes.fail(op.done(), "sizing document '" + op.docId() + "'", e);
    }
  }

  private void delete(WriterOp.Delete op) {
    try {
      DocumentFiles files = table.forget(op.docId());
      // Before the files go: a replay must never bring back what the journal holds of them.
      journal.reset(op.docId());
      if (files == null) {
        files = DocumentFiles.fresh(table.directory(), op.docId(), config.compactionThreshold());
      }
      // Nothing is left to compact; a compaction still running is dropped when it reports back.
      outcomes.succeedAll(new ArrayList<>(files.compactionRequests));
      files.compactionRequests.clear();
      files.deleteFiles(table);
      outcomes.succeed(op.done(), null);
    } catch (IOException | RuntimeException e) {
      outcomes.fail(op.done(), "deleting document '" + op.docId() + "'", e);
    }
  }

  private void compact(WriterOp.Compact op) {
    try {
      compactions.request(op.docId(), op.done());
    } catch (IOException | RuntimeException e) {
      outcomes.fail(op.done(), "compacting document '" + op.docId() + "'", e);
    }
  }

  /**
   * Writes the batch, one write per document, journals it and hands the journal's fsync to the
   * background, which completes the appends once durable. The documents' logs are not fsynced here:
   * the journal vouches for them until it rolls over. Blocks while the most fsyncs allowed run.
   */
  private void commit() throws InterruptedException {
    if (batch.isEmpty()) {
      return;
    }
    IOException broken = journal.failure();
    if (broken != null) {
      failBatch(new StoreException("the store refuses writes since an fsync failed (" + broken
          + "); restart the server: what was acknowledged is replayed from the journal", broken));
      return;
    }
    List<Written> written = new ArrayList<>(batch.size());
    for (Map.Entry<String, List<WriterOp.Append>> entry : batch.entrySet()) {
      Written document = write(entry.getKey(), entry.getValue());
      if (document != null) {
        written.add(document);
      }
    }
    batch.clear();
    batchBytes = 0;
    if (written.isEmpty() || !journal(written)) {
      return;
    }
    counters.batches.incrementAndGet();
    for (Written document : written) {
      // The next batch appends after this one, and loads and compactions may read it: unacknowledged
      // records read that way are at worst stored although their append failed, never lost once acknowledged.
      document.files().logSize = document.end();
      compactions.startIfDue(document.files());
    }
    journal.syncThen(() -> acknowledge(written), error -> written.forEach(document -> outcomes.failAll(
        futures(document.appends()), "appending to document '" + document.files().docId + "'", error)));
    table.evictIdle();
  }

  /** On the fsync's thread, once the batch is durable. */
  private void acknowledge(List<Written> written) {
    counters.fsyncs.incrementAndGet();
    for (Written document : written) {
      counters.appends.addAndGet(document.appends().size());
      Outcomes.acknowledge(futures(document.appends()));
    }
  }

  /** Writes what the batch wrote into the journal (not yet durable); on failure fails the whole batch. */
  private boolean journal(List<Written> written) {
    List<JournalEntry> entries = new ArrayList<>();
    List<DocumentFiles> touched = new ArrayList<>(written.size());
    for (Written document : written) {
      long at = document.start();
      for (WriterOp.Append append : document.appends()) {
        entries.add(JournalEntry.append(append.docId(), at, append.update()));
        at += RecordFormat.HEADER_BYTES + append.update().length;
      }
      document.files().dirty = true;
      touched.add(document.files());
    }
    try {
      journal.write(entries, touched);
      return true;
    } catch (IOException | RuntimeException e) {
      written.forEach(document -> abandon(document, e));
      return false;
    }
  }

  private Written write(String docId, List<WriterOp.Append> appends) {
    try {
      DocumentFiles files = table.obtain(docId);
      FileChannel channel = files.appendChannel();
      List<byte[]> payloads = new ArrayList<>(appends.size());
      appends.forEach(append -> payloads.add(append.update()));
      ByteBuffer records = RecordFormat.encode(payloads);
      long end = files.logSize + records.remaining();
      DurableFiles.writeFully(channel, records, files.logSize);
      return new Written(files, appends, files.logSize, end);
    } catch (IOException | RuntimeException e) {
      outcomes.failAll(futures(appends), "appending to document '" + docId + "'", e);
      table.forget(docId);
      return null;
    }
  }

  /**
   * Fails a document's part of the batch and forgets the document: reopening rescans its log, which
   * cuts whatever this batch left half-written there.
   */
  private void abandon(Written document, Throwable error) {
    String docId = document.files().docId;
    LOG.log(System.Logger.Level.ERROR, "appending to document '" + docId + "' failed", error);
    outcomes.failAll(futures(document.appends()), "appending to document '" + docId + "'", error);
    table.forget(docId);
  }

  private void failBatch(Throwable error) {
    for (List<WriterOp.Append> appends : batch.values()) {
      outcomes.failAll(futures(appends), "appending", error);
    }
    batch.clear();
  }

  private static List<CompletableFuture<Void>> futures(List<WriterOp.Append> appends) {
    List<CompletableFuture<Void>> futures = new ArrayList<>(appends.size());
    appends.forEach(append -> futures.add(append.done()));
    return futures;
  }
}
