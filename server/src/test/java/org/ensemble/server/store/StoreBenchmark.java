package org.ensemble.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskStoreConfig;
import org.ensemble.server.store.disk.DiskStoreStats;
import org.ensemble.server.store.redis.RedisDocumentStore;
import org.ensemble.server.store.redis.RedisStoreConfig;
import org.ensemble.server.testing.RecordingDoc;
import org.ensemble.server.testing.RedisServer;

/**
 * Append throughput and latency of the document stores: a benchmark, not a test (run its main with
 * the test classpath). Writer threads append real Yjs typing updates (about 30 bytes each), each
 * keeping a window of appends in flight, for a fixed time after a warm-up; each scenario runs on a
 * fresh store. Prints one line per scenario.
 *
 * <p>Arguments: {@code [seconds per scenario, default 5] [redis]}; with {@code redis} it also runs
 * the scenarios against a local redis-server, without persistence and with appendfsync always.
 */
public final class StoreBenchmark {
  private static final Duration WARM_UP = Duration.ofSeconds(1);
  private static final int UPDATES_PER_DOCUMENT = 500;

  private StoreBenchmark() {}

  /** Writers append to documents round robin, each with {@code window} appends in flight. */
  record Scenario(String name, int documents, int writers, int window) {}

  /** The disk store's defaults, then one fsync at a time, then with a batch delay. */
  record DiskVariant(Duration maxBatchDelay, int syncsInFlight) {
    DiskStoreConfig config(Path directory) {
      return DiskStoreConfig.defaults(directory).withMaxBatchDelay(maxBatchDelay).withSyncsInFlight(syncsInFlight);
    }

    String label() {
      return String.format(Locale.ROOT, "disk delay=%dms syncs=%d", maxBatchDelay.toMillis(), syncsInFlight);
    }
  }

  private static final List<DiskVariant> DISK_VARIANTS = List.of(
      new DiskVariant(DiskStoreConfig.DEFAULT_MAX_BATCH_DELAY, DiskStoreConfig.DEFAULT_SYNCS_IN_FLIGHT),
      new DiskVariant(DiskStoreConfig.DEFAULT_MAX_BATCH_DELAY, 1),
      new DiskVariant(Duration.ofMillis(2), DiskStoreConfig.DEFAULT_SYNCS_IN_FLIGHT));

  private static final List<Scenario> SCENARIOS = List.of(
      new Scenario("1 doc, 1 writer, 1 in flight (sequential)", 1, 1, 1),
      new Scenario("1 doc, 8 writers x 16 in flight", 1, 8, 16),
      new Scenario("100 docs, 8 writers x 16 in flight", 100, 8, 16),
      new Scenario("100 docs, 8 writers x 1 in flight", 100, 8, 1));

  public static void main(String[] args) throws Exception {
    Duration measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
    boolean redis = Arrays.asList(args).contains("redis");
    for (Scenario scenario : SCENARIOS) {
      for (DiskVariant variant : DISK_VARIANTS) {
        Path directory = Files.createTempDirectory("store-bench-");
        try {
          run(variant.label(), scenario, measured, () -> DiskDocumentStore.open(variant.config(directory)));
        } finally {
          deleteRecursively(directory);
        }
      }
      if (redis) {
        for (boolean aof : new boolean[] {false, true}) {
          try (RedisServer server = aof ? RedisServer.withAof() : RedisServer.start()) {
            run(aof ? "redis appendfsync always" : "redis no persistence", scenario, measured,
                () -> RedisDocumentStore.connect(RedisStoreConfig.defaults(server.uri())));
          }
        }
      }
    }
  }

  private static void run(String store, Scenario scenario, Duration measured,
      Supplier<DocumentStore> open) throws Exception {
    List<List<byte[]>> updates = new ArrayList<>();
    for (int d = 0; d < scenario.documents(); d++) {
      updates.add(new RecordingDoc().type("x".repeat(UPDATES_PER_DOCUMENT)).updates());
    }
    try (DocumentStore documents = open.get()) {
      AtomicLong appends = new AtomicLong();
      List<Long> latencies = new ArrayList<>();
      long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
      long end = warmUpEnd + measured.toNanos();
      CountDownLatch done = new CountDownLatch(scenario.writers());
      DiskStoreStats[] before = new DiskStoreStats[1];
      for (int w = 0; w < scenario.writers(); w++) {
        int writer = w;
        Thread thread = new Thread(() -> {
          write(documents, scenario, writer, updates, warmUpEnd, end, appends, latencies);
          done.countDown();
        }, "bench-writer-" + w);
        thread.start();
      }
      while (System.nanoTime() < warmUpEnd) {
        Thread.onSpinWait();
      }
      before[0] = stats(documents);
      done.await();
      DiskStoreStats after = stats(documents);
      print(store, scenario, measured, appends.get(), latencies, before[0], after);
    }
  }

  private static void write(DocumentStore store, Scenario scenario, int writer,
      List<List<byte[]>> updates, long warmUpEnd, long end, AtomicLong appends, List<Long> latencies) {
    Semaphore window = new Semaphore(scenario.window());
    List<Long> mine = new ArrayList<>();
    int[] next = new int[scenario.documents()];
    int document = writer % scenario.documents();
    while (System.nanoTime() < end) {
      window.acquireUninterruptibly();
      List<byte[]> ofDocument = updates.get(document);
      byte[] update = ofDocument.get(next[document]++ % ofDocument.size());
      long start = System.nanoTime();
      boolean counted = start >= warmUpEnd;
      store.append("bench-" + document, update).whenComplete((ignored, failure) -> {
        if (counted && failure == null && System.nanoTime() <= end) {
          appends.incrementAndGet();
          synchronized (mine) {
            mine.add(System.nanoTime() - start);
          }
        }
        window.release();
      });
      document = (document + scenario.writers()) % scenario.documents();
    }
    window.acquireUninterruptibly(scenario.window());
    synchronized (latencies) {
      synchronized (mine) {
        latencies.addAll(mine);
      }
    }
  }

  private static DiskStoreStats stats(DocumentStore store) {
    return store instanceof DiskDocumentStore disk ? disk.stats() : null;
  }

  private static void print(String store, Scenario scenario, Duration measured, long appends,
      List<Long> latencies, DiskStoreStats before, DiskStoreStats after) {
    double seconds = measured.toNanos() / 1e9;
    latencies.sort(Comparator.naturalOrder());
    String disk = "";
    if (before != null) {
      long fsyncs = after.fsyncs() - before.fsyncs();
      long batches = after.batches() - before.batches();
      disk = String.format(Locale.ROOT, " | %,9.0f fsyncs/s | %5.1f appends/batch | %d compactions",
          fsyncs / seconds, batches == 0 ? 0.0 : (after.appends() - before.appends()) / (double) batches,
          after.compactions() - before.compactions());
    }
    System.out.printf(Locale.ROOT, "%-44s | %-34s | %,9.0f appends/s | p50 %6.2f ms | p99 %6.2f ms%s%n",
        scenario.name(), store, appends / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
        disk);
  }

  private static double percentile(List<Long> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }
}
