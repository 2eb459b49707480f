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

/**
 * One document's files and what the writer thread knows about them. Confined to the writer thread:
 * only it changes the files, so these fields need no locks.
 *
 * <p>Files, named after the document id's {@link FileNames stem}: {@code stem.log} (the records
 * appended since the last compaction), {@code stem.snap} (one record: the merged update of everything
 * compacted so far) and, while a compaction runs, {@code stem.snap.N.tmp} and {@code stem.log.N.tmp}.
 */
final class DocumentFiles {
  static final String LOG_SUFFIX = ".log";
  static final String SNAPSHOT_SUFFIX = ".snap";
  static final String TEMP_SUFFIX = ".tmp";

  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());
  private static final int ZERO_CHECK_BUFFER_BYTES = 64 * 1024;

  final String docId;
  final Path log;
  final Path snapshot;
  /** Acknowledged bytes of the log: every record below is valid, and fsynced or in the journal. */
  long logSize;
  /** Written since the last fsync: the {@link Journal} still vouches for those bytes. */
  boolean dirty;
  long snapshotSize;
  boolean compacting;
  /** Set by delete: a compaction still running for these files is moot, not failed. */
  boolean deleted;
  /** The log size from which an automatic compaction is tried (raised after one fails). */
  long compactAt;
  /** Explicit compaction requests that arrived while one was running: they need another. */
  final List<CompletableFuture<Void>> compactionRequests = new ArrayList<>();

  private final String stem;
  private FileChannel appendChannel;

  private DocumentFiles(Path directory, String docId, long compactAt) {
    this.docId = docId;
    this.stem = FileNames.encode(docId);
    this.log = directory.resolve(stem + LOG_SUFFIX);
    this.snapshot = directory.resolve(stem + SNAPSHOT_SUFFIX);
    this.compactAt = compactAt;
  }

  /** A document with nothing on disk yet; its log is created by its first append. */
  static DocumentFiles fresh(Path directory, String docId, long compactAt) {
    return new DocumentFiles(directory, docId, compactAt);
  }

  /**
   * Opens the files of {@code docId}, or returns null when it has none. A log that ends in a torn or
   * damaged record is cut back to its last valid record (and the cut fsynced) before anything else
   * touches it: those bytes were never acknowledged, or are damage that later appends must not bury.
   */
  static DocumentFiles open(Path directory, String docId, long compactAt, int plausibleRecordBytes,
      StoreCounters counters) throws IOException {
    DocumentFiles files = new DocumentFiles(directory, docId, compactAt);
    if (!Files.exists(files.log)) {
      removeOrphanSnapshot(files, counters);
      return null;
    }
    files.snapshotSize = Files.exists(files.snapshot) ? Files.size(files.snapshot) : 0;
    FileChannel channel = FileChannel.open(files.log, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      files.logSize = recover(docId, channel, plausibleRecordBytes, counters);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    files.appendChannel = channel;
    return files;
  }

  /**
   * A document exists exactly while its log file does: the first append creates the log, compaction
   * replaces it by rename, and delete unlinks it first. A snapshot without a log is what a crash in
   * the middle of a delete leaves, so the delete is finished here.
   */
  private static void removeOrphanSnapshot(DocumentFiles files, StoreCounters counters)
      throws IOException {
    if (Files.deleteIfExists(files.snapshot)) {
      DurableFiles.syncDirectory(files.snapshot.getParent());
      counters.directorySyncs.incrementAndGet();
      LOG.log(System.Logger.Level.INFO, "document ''{0}'': removed the snapshot an interrupted"
          + " delete left behind", files.docId);
    }
  }

  /** Deletes the document's files, the log first (see {@link #removeOrphanSnapshot}). */
  boolean deleteFiles(DocumentTable table) throws IOException {
    deleted = true;
    closeAppendChannel();
    boolean removed = false;
    if (Files.deleteIfExists(log)) {
      table.syncDirectory();
      removed = true;
    }
    if (Files.deleteIfExists(snapshot)) {
      // Durable before a new document of the same id can create a log beside it.
      table.syncDirectory();
      removed = true;
    }
    return removed;
  }

  private static long recover(String docId, FileChannel channel, int plausibleRecordBytes,
      StoreCounters counters) throws IOException {
    long size = channel.size();
    RecordReader.Scan scan = RecordReader.scan(channel, size, plausibleRecordBytes, payload -> { });
    if (scan.clean()) {
      return size;
    }
    long cut = size - scan.validEnd();
    String followed = describeWhatFollowed(channel, scan, size);
    channel.truncate(scan.validEnd());
    channel.force(true);
    counters.tailsCut.incrementAndGet();
    counters.bytesCut.addAndGet(cut);
    LOG.log(System.Logger.Level.WARNING, "document '" + docId + "': cut " + cut + " bytes from its"
        + " log at offset " + scan.validEnd() + " (kept " + scan.records() + " records): "
        + scan.problem() + followed);
    return scan.validEnd();
  }

  /** Says whether the cut was just a torn last write or damage with records after it. */
  private static String describeWhatFollowed(FileChannel channel, RecordReader.Scan scan, long size)
      throws IOException {
    if (allZero(channel, scan.validEnd(), size)) {
      return "; the tail is all zeros, as a crash can leave a file that had just grown";
    }
    if (scan.badRecordEnd() == RecordReader.UNKNOWN_END) {
      return "; the damaged length hides whether records followed, and anything that did is dropped";
    }
    if (scan.badRecordEnd() < size) {
      return "; " + (size - scan.badRecordEnd()) + " bytes followed the damaged record: the damage"
          + " is in the middle of the log, and every record after it is dropped as well";
    }
    return "";
  }

  private static boolean allZero(FileChannel channel, long from, long to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(ZERO_CHECK_BUFFER_BYTES);
    for (long at = from; at < to; ) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
      int read = channel.read(buffer, at);
      if (read <= 0) {
        return true;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) != 0) {
          return false;
        }
      }
      at += read;
    }
    return true;
  }

  /**
   * The channel appends write through, opening (or creating) the log if needed. A new log's name
   * needs no directory fsync here: the journal can recreate it until it rolls over, which syncs the
   * directory first.
   */
  FileChannel appendChannel() throws IOException {
    if (appendChannel == null) {
      appendChannel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    }
    return appendChannel;
  }

  /** The log's channel if it is open, else null. */
  FileChannel openChannel() {
    return appendChannel;
  }

  /** Whether anything of this document is on disk. */
  boolean stored() {
    return logSize > 0 || snapshotSize > 0;
  }

  /** Read-only channels on the files as they are now, for a reader thread; see {@link ReadView}. */
  ReadView view() throws IOException {
    FileChannel snapshotChannel = snapshotSize > 0 ? FileChannel.open(snapshot) : null;
    try {
      FileChannel logChannel = logSize > 0 ? FileChannel.open(log) : null;
      return new ReadView(docId, snapshotChannel, logChannel, logSize);
    } catch (IOException | RuntimeException e) {
      if (snapshotChannel != null) {
        snapshotChannel.close();
      }
      throw e;
    }
  }

  Path tempSnapshot(long sequence) {
    return snapshot.resolveSibling(stem + SNAPSHOT_SUFFIX + "." + sequence + TEMP_SUFFIX);
  }

  Path tempLog(long sequence) {
    return log.resolveSibling(stem + LOG_SUFFIX + "." + sequence + TEMP_SUFFIX);
  }

  /** After a compaction renamed a new log of {@code size} bytes over the old one. */
  void logReplaced(long size) throws IOException {
    dirty = false; // the old log is gone; the new one was fsynced before its rename
    closeAppendChannel();
    logSize = size;
  }

  /** Fsyncs what was written since the last fsync, so the journal no longer needs to hold it. */
  void syncIfDirty() throws IOException {
    if (dirty) {
      if (appendChannel == null) {
        throw new IOException("the log of '" + docId + "' was closed with unsynced writes");
      }
      appendChannel.force(false);
      dirty = false;
    }
  }

  /** Closes the log's channel, fsyncing it first if needed (a closed log is never dirty). */
  void closeAppendChannel() throws IOException {
    if (appendChannel != null) {
      syncIfDirty();
      FileChannel channel = appendChannel;
      appendChannel = null;
      channel.close();
    }
  }
}
