package org.ensemble.server.store.disk;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link DiskStoreStats}: written by the store's threads, read by anyone. */
final class StoreCounters {
  final AtomicLong appends = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong fsyncs = new AtomicLong();
  final AtomicLong directorySyncs = new AtomicLong();
  final AtomicLong compactions = new AtomicLong();
  final AtomicLong tailsCut = new AtomicLong();
  final AtomicLong bytesCut = new AtomicLong();
  final AtomicLong replayed = new AtomicLong();

  /** With {@code fsyncNanos}, which the journal counts itself. */
  DiskStoreStats snapshot(long fsyncNanos) {
    return new DiskStoreStats(appends.get(), batches.get(), fsyncs.get(), fsyncNanos, directorySyncs.get(),
        compactions.get(), tailsCut.get(), bytesCut.get(),
        replayed.get());
  }
}
