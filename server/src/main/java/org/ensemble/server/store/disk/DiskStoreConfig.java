package org.ensemble.server.store.disk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link DiskDocumentStore}. Start from {@link #defaults(Path)} and change what differs.
 *
 * @param directory where the document files live (created if missing); give each store its own
 * @param maxBatchDelay how long the writer keeps collecting appends after the first one of a batch
 *     before it fsyncs. With 0 (the default) it commits as soon as it is free (and an fsync may start),
 *     and whatever arrives meanwhile forms the next batch: on this project's machines (an fsync takes about
 *     0.3 ms) that matched or beat a 2 ms delay under every load measured, up to 3 times the appends
 *     per second with several writers, and a lone writer waits 0.3 ms instead of 2.6. A delay pays
 *     where fsyncs are few and dear (a volume with an IOPS cap, a spinning disk): fewer fsyncs for
 *     more latency
 * @param maxBatchBytes the writer fsyncs early once a batch holds this many payload bytes
 * @param compactionThreshold a document's log is merged into its snapshot once it is at least this long
 * @param maxRecordBytes the largest update {@code append} accepts (lowering it later does not
 *     hide longer records already written)
 * @param maxOpenDocuments how many documents keep their log file open between appends; the least
 *     recently used beyond this are closed (and rescanned when next touched)
 * @param journalSegmentBytes the size of each {@link Journal} segment, allocated and zero-filled
 *     before use (two exist at a time); a batch larger than that still fits, in a segment that grows
 * @param syncsInFlight how many batches' journal fsyncs may run at once ({@link SyncPipeline}); 1 makes
 *     each batch wait for the fsync before it
 */
public record DiskStoreConfig(
    Path directory,
    Duration maxBatchDelay,
    int maxBatchBytes,
    long compactionThreshold,
    int maxRecordBytes,
    int maxOpenDocuments,
    long journalSegmentBytes,
    int syncsInFlight) {

  public static final Duration DEFAULT_MAX_BATCH_DELAY = Duration.ZERO;
  public static final int DEFAULT_MAX_BATCH_BYTES = 8 * 1024 * 1024;
  public static final long DEFAULT_COMPACTION_THRESHOLD = 1024 * 1024;
  /** Above the server's largest WebSocket message, so the store is never the tighter limit. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_MAX_OPEN_DOCUMENTS = 1024;
  public static final long DEFAULT_JOURNAL_SEGMENT_BYTES = 4L * 1024 * 1024;
  public static final int DEFAULT_SYNCS_IN_FLIGHT = 3;

  public DiskStoreConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
    if (maxBatchDelay.isNegative()) {
      throw new IllegalArgumentException("maxBatchDelay must not be negative: " + maxBatchDelay);
    }
    requirePositive("maxBatchBytes", maxBatchBytes);
    requirePositive("compactionThreshold", compactionThreshold);
    requirePositive("maxRecordBytes", maxRecordBytes);
    requirePositive("maxOpenDocuments", maxOpenDocuments);
    requirePositive("journalSegmentBytes", journalSegmentBytes);
    requirePositive("syncsInFlight", syncsInFlight);
  }

  public static DiskStoreConfig defaults(Path directory) {
    return new DiskStoreConfig(directory, DEFAULT_MAX_BATCH_DELAY, DEFAULT_MAX_BATCH_BYTES,
        DEFAULT_COMPACTION_THRESHOLD, DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_OPEN_DOCUMENTS,
        DEFAULT_JOURNAL_SEGMENT_BYTES, DEFAULT_SYNCS_IN_FLIGHT);
  }

  public DiskStoreConfig withMaxBatchDelay(Duration delay) {
    return new DiskStoreConfig(directory, delay, maxBatchBytes, compactionThreshold, maxRecordBytes,
        maxOpenDocuments, journalSegmentBytes, syncsInFlight);
  }

  public DiskStoreConfig withCompactionThreshold(long bytes) {
    return new DiskStoreConfig(directory, maxBatchDelay, maxBatchBytes, bytes, maxRecordBytes,
        maxOpenDocuments, journalSegmentBytes, syncsInFlight);
  }

  public DiskStoreConfig withMaxRecordBytes(int bytes) {
    return new DiskStoreConfig(directory, maxBatchDelay, maxBatchBytes, compactionThreshold, bytes,
        maxOpenDocuments, journalSegmentBytes, syncsInFlight);
  }

  public DiskStoreConfig withMaxOpenDocuments(int documents) {
    return new DiskStoreConfig(directory, maxBatchDelay, maxBatchBytes, compactionThreshold,
        maxRecordBytes, documents, journalSegmentBytes, syncsInFlight);
  }

  public DiskStoreConfig withJournalSegmentBytes(long bytes) {
    return new DiskStoreConfig(directory, maxBatchDelay, maxBatchBytes, compactionThreshold,
        maxRecordBytes, maxOpenDocuments, bytes, syncsInFlight);
  }

  public DiskStoreConfig withSyncsInFlight(int syncs) {
    return new DiskStoreConfig(directory, maxBatchDelay, maxBatchBytes, compactionThreshold,
        maxRecordBytes, maxOpenDocuments, journalSegmentBytes, syncs);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
