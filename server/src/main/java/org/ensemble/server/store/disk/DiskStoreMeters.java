package org.ensemble.server.store.disk;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The embedded store's counters on {@code /metrics}: how well group commit works ({@code fsyncs /
 * appends}), how long the journal's fsyncs take ({@code fsync_seconds / fsyncs}), compactions, and
 * what the last start had to repair. Read from the store's own counters at scrape time.
 */
final class DiskStoreMeters {
  private DiskStoreMeters() {}

  static void bind(DiskDocumentStore store, MeterRegistry registry) {
    counter(registry, store, "ensemble_disk_appends", "Appends acknowledged (written and fsynced)", DiskStoreStats::appends);
    counter(registry, store, "ensemble_disk_batches", "Group commits", DiskStoreStats::batches);
    counter(registry, store, "ensemble_disk_fsyncs", "Journal fsyncs of group commits", DiskStoreStats::fsyncs);
    counter(registry, store, "ensemble_disk_fsync_seconds", "Time spent in the journal's fsyncs",
        stats -> stats.fsyncNanos() / 1e9);
    counter(registry, store, "ensemble_disk_compactions", "Logs merged into snapshots", DiskStoreStats::compactions);
    counter(registry, store, "ensemble_disk_tails_cut", "Torn or damaged log tails cut when opening a document",
        DiskStoreStats::tailsCut);
    counter(registry, store, "ensemble_disk_replayed", "Acknowledged records the journal restored at start",
        DiskStoreStats::replayed);
  }

  private static void counter(MeterRegistry registry, DiskDocumentStore store, String name, String description,
      ToDoubleFunction<DiskStoreStats> value) {
    FunctionCounter.builder(name, store, s -> value.applyAsDouble(s.stats())).description(description).register(registry);
  }
}
