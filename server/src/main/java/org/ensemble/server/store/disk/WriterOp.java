package org.ensemble.server.store.disk;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The work the store hands its writer thread, in one queue, so that everything that touches a
 * document's files happens in the order it was asked for.
 */
sealed interface WriterOp {

  /** Fails whoever waits for this operation (it will not be carried out). */
  void fail(Outcomes outcomes, Throwable error);

  /** Add {@code update} to the current batch; {@code done} completes after the batch's fsync. */
  record Append(String docId, byte[] update, CompletableFuture<Void> done) implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      outcomes.fail(done, "appending to document '" + docId + "'", error);
    }
  }

  /** Capture a {@link ReadView} of what is acknowledged; a reader thread reads it. */
  record Load(String docId, CompletableFuture<List<byte[]>> done) implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      outcomes.fail(done, "loading document '" + docId + "'", error);
    }
  }

  record StoredBytes(String docId, CompletableFuture<Long> done) implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      outcomes.fail(done, "sizing document '" + docId + "'", error);
    }
  }

  record Delete(String docId, CompletableFuture<Void> done) implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      outcomes.fail(done, "deleting document '" + docId + "'", error);
    }
  }

  /** Merge everything appended before this request into the snapshot. */
  record Compact(String docId, CompletableFuture<Void> done) implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      outcomes.fail(done, "compacting document '" + docId + "'", error);
    }
  }

  /**
   * From the compaction thread: {@code temp} holds, fsynced, the merge of the snapshot and the first
   * {@code logPrefix} bytes of the log of {@code files}; install it and drop that prefix.
   */
  record InstallSnapshot(DocumentFiles files, Path temp, long snapshotBytes, long logPrefix,
      List<CompletableFuture<Void>> waiters) implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      Compactions.deleteQuietly(temp);
      outcomes.failAll(waiters, "compacting document '" + files.docId + "'", error);
    }
  }

  /** From the compaction thread: the merge or the write failed; nothing on disk changed. */
  record CompactionFailed(DocumentFiles files, Throwable error, List<CompletableFuture<Void>> waiters)
      implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable closing) {
      outcomes.failAll(waiters, "compacting document '" + files.docId + "'", error);
    }
  }

  /** Flush the current batch, close every file and end the writer thread. */
  record Close() implements WriterOp {
    @Override
    public void fail(Outcomes outcomes, Throwable error) {
      // nobody waits for it but close(), which joins the thread
    }
  }
}
