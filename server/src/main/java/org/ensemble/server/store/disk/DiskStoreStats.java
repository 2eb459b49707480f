package org.ensemble.server.store.disk;

/**
 * What a {@link DiskDocumentStore} has done since it opened, for metrics and for tests that check
 * group commit: {@code fsyncs / appends} is the share of an fsync each append paid for.
 *
 * @param appends appends acknowledged (written and fsynced)
 * @param batches group commits: batches of appends fsynced together
 * @param fsyncs journal fsyncs done for those batches (one per batch)
 * @param fsyncNanos the time those fsyncs took, together
 * @param directorySyncs directory fsyncs of the documents (compactions, deletes); new logs are covered by the journal
 * @param compactions compactions completed (a new snapshot installed and the log replaced)
 * @param tailsCut logs whose torn or damaged tail was cut when the document was opened
 * @param bytesCut the bytes those cuts dropped
 * @param replayed acknowledged records that the journal put back into logs when the store opened
 */
public record DiskStoreStats(
    long appends,
    long batches,
    long fsyncs,
    long fsyncNanos,
    long directorySyncs,
    long compactions,
    long tailsCut,
    long bytesCut,
    long replayed) {}
