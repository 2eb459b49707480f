package org.ensemble.server.store.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.server.store.UpdateMerging;
import org.ensemble.server.store.StoreException;

/**
 * Compaction: merging a document's snapshot and log into a new snapshot and starting the log afresh.
 * The merge ({@link UpdateMerging#merge}) and the new snapshot's write run on the compaction thread,
 * so group commits go on meanwhile; the writer thread then installs the result, in this order:
 *
 * <ol>
 *   <li>(compaction thread) write {@code stem.snap.N.tmp} and fsync it;
 *   <li>rename it over {@code stem.snap} and fsync the directory;
 *   <li>copy the log's records appended since the merge began to {@code stem.log.M.tmp}, fsync it,
 *       rename it over {@code stem.log} and fsync the directory.
 * </ol>
 *
 * A crash before step 2 leaves the old snapshot and log (and a temp file, removed when the store
 * opens); between steps 2 and 3 the new snapshot and the whole old log, so a load returns the merged
 * records twice, once inside the snapshot, which Yjs ignores; after step 3 the new pair. Every state
 * holds every acknowledged update. Files are replaced by rename, never rewritten in place, so readers
 * holding a {@link ReadView} keep a consistent picture.
 */
final class Compactions {
  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());

  private final DiskStoreConfig config;
  private final DocumentTable table;
  private final StoreCounters counters;
  private final ExecutorService compactor;
  private final Consumer<WriterOp> writer;
  private final Outcomes outcomes;
  private final BooleanSupplier closing;
  private final Journal journal;
  private long tempSequence;

  Compactions(DiskStoreConfig config, DocumentTable table, StoreCounters counters,
      ExecutorService compactor, Consumer<WriterOp> writer, Outcomes outcomes, BooleanSupplier closing,
      Journal journal) {
    this.journal = journal;
    this.config = config;
    this.table = table;
    this.counters = counters;
    this.compactor = compactor;
    this.writer = writer;
    this.outcomes = outcomes;
    this.closing = closing;
  }

  /** After a group commit: starts a compaction if the document's log has grown past the threshold. */
  void startIfDue(DocumentFiles files) {
    if (!files.compacting && files.logSize >= files.compactAt && !closing.getAsBoolean()) {
      start(files, List.of());
    }
  }

  /** An explicit request; queued behind a running compaction, which may miss its latest appends. */
  void request(String docId, CompletableFuture<Void> done) throws IOException {
    DocumentFiles files = table.find(docId);
    if (files == null || (!files.compacting && files.logSize == 0)) {
      outcomes.succeed(done, null);
    } else if (files.compacting) {
      files.compactionRequests.add(done);
    } else {
      start(files, List.of(done));
    }
  }

  private void start(DocumentFiles files, List<CompletableFuture<Void>> waiters) {
    ReadView view;
    try {
      view = files.view();
    } catch (IOException e) {
      outcomes.failAll(waiters, "compacting document '" + files.docId + "'", e);
      return;
    }
    Path temp = files.tempSnapshot(++tempSequence);
    files.compacting = true;
    try {
      compactor.execute(() -> merge(files, view, temp, waiters));
    } catch (RejectedExecutionException stopped) {
      view.close();
      files.compacting = false;
      outcomes.failAll(waiters, "compacting document '" + files.docId + "'",
          new StoreException("the store is closing"));
    }
  }

  /** On the compaction thread: everything but the renames, which are the writer's. */
  private void merge(DocumentFiles files, ReadView view, Path temp,
      List<CompletableFuture<Void>> waiters) {
    try (view) {
      byte[] merged = UpdateMerging.merge(view.readAll(config.maxRecordBytes()));
      ByteBuffer record = RecordFormat.encode(merged);
      long snapshotBytes = record.remaining();
      DurableFiles.writeSynced(temp, record);
      writer.accept(new WriterOp.InstallSnapshot(files, temp, snapshotBytes, view.logLimit(), waiters));
    } catch (Exception | OutOfMemoryError e) {
      // DecodingException for an update that is not valid Yjs, IOException, a snapshot too big
      deleteQuietly(temp);
      writer.accept(new WriterOp.CompactionFailed(files, e, waiters));
    }
  }

  /** On the writer thread, with no batch pending: steps 2 and 3 above. */
  void install(WriterOp.InstallSnapshot done) {
    DocumentFiles files = done.files();
    files.compacting = false;
    if (!table.isCurrent(files)) {
      // Deleted while the merge ran (what was merged is gone, and so must the new snapshot be), or
      // dropped after a failed write and reopened since: the merge no longer matches the files.
      deleteQuietly(done.temp());
      if (files.deleted) {
        outcomes.succeedAll(done.waiters());
      } else {
        outcomes.failAll(done.waiters(), "compacting document '" + files.docId + "'",
            new StoreException("the document was reopened after a failed write; compact again"));
      }
      return;
    }
    try {
      DurableFiles.rename(done.temp(), files.snapshot);
      table.syncDirectory();
      files.snapshotSize = done.snapshotBytes();
      long kept = files.logSize - done.logPrefix();
      Path tempLog = files.tempLog(++tempSequence);
      copyLogTail(files.log, done.logPrefix(), kept, tempLog);
      DurableFiles.rename(tempLog, files.log);
      table.syncDirectory();
      files.logReplaced(kept);
      // The journal's entries for this document point into the old log, which is gone.
      journal.reset(files.docId);
      files.compactAt = config.compactionThreshold();
      counters.compactions.incrementAndGet();
      outcomes.succeedAll(done.waiters());
    } catch (IOException | RuntimeException e) {
      // Every step left a loadable state on disk; reopening the document reads whichever it is.
      LOG.log(System.Logger.Level.ERROR, "installing the compaction of document '" + files.docId
          + "' failed; it will be reopened from disk", e);
      table.forget(files.docId);
      outcomes.failAll(done.waiters(), "compacting document '" + files.docId + "'", e);
      return;
    }
    startRequested(files);
  }

  /** On the writer thread: nothing changed on disk; retry only after the log has grown again. */
  void failed(WriterOp.CompactionFailed failure) {
    DocumentFiles files = failure.files();
    files.compacting = false;
    files.compactAt = files.logSize + config.compactionThreshold();
    LOG.log(System.Logger.Level.ERROR, "compacting document '" + files.docId + "' failed; its log"
        + " keeps growing until the next try at " + files.compactAt + " bytes", failure.error());
    outcomes.failAll(failure.waiters(), "compacting document '" + files.docId + "'", failure.error());
    if (table.isCurrent(files)) {
      startRequested(files);
    }
  }

  /** Requests that came while a compaction ran want one that includes their appends. */
  private void startRequested(DocumentFiles files) {
    if (files.compactionRequests.isEmpty()) {
      return;
    }
    List<CompletableFuture<Void>> waiters = new ArrayList<>(files.compactionRequests);
    files.compactionRequests.clear();
    if (files.logSize == 0) {
      outcomes.succeedAll(waiters);
    } else if (closing.getAsBoolean()) {
      outcomes.failAll(waiters, "compacting document '" + files.docId + "'",
          new StoreException("the store is closing"));
    } else {
      start(files, waiters);
    }
  }

  private static void copyLogTail(Path log, long from, long count, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(log);
        FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long copied = 0;
      while (copied < count) {
        copied += in.transferTo(from + copied, count - copied, out);
      }
      out.force(true);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not remove " + file + "; the next open removes it", e);
    }
  }
}
