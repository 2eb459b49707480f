package org.ensemble.server.attribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.IdRange;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskStoreConfig;

/**
 * What the ledger adds to the time an update takes to become durable on the disk store: a benchmark,
 * not a test (run its main with the test classpath). At a steady rate over 20 documents, each update
 * is appended alone, or together with its ledger entry (as the room does: both handed to the store at
 * once, so they share a group commit; the update counts as stored when both are). Prints p50/p99.
 *
 * <p>Arguments: {@code [updates per second, default 400] [seconds per mode, default 10]}.
 */
public final class LedgerAppendBenchmark {
  private static final int DOCUMENTS = 20;

  private LedgerAppendBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    byte[] update = new byte[40]; // the size of a typical note edit
    byte[] entry = EntryCodec.encode(new LedgerEntry(0, Attributes.human("person0", "person0", 1_000),
        Map.of(3_000_000_001L, List.of(new IdRange(120, 1))), Map.of(3_000_000_002L, List.of(new IdRange(57, 1)))), 0);
    for (int round = 0; round < 2; round++) {
      for (boolean withLedger : new boolean[] {false, true}) {
        Path dir = Files.createTempDirectory("ledger-append");
        try (DocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(dir))) {
          long[] latencies = run(store, rate, seconds, update, entry, withLedger);
          if (round == 1) { // the first round warms up the JIT and the file system
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%-22s %d updates/s: p50 %.2f ms, p99 %.2f ms (%d updates)%n",
                withLedger ? "update + ledger entry" : "update alone", rate, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies.length);
          }
        } finally {
          try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
    }
  }

  private static long[] run(DocumentStore store, int rate, int seconds, byte[] update, byte[] entry, boolean withLedger)
      throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    int[] clocks = new int[DOCUMENTS];
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // pacing an open-loop load, not waiting for a result
      }
      int doc = i % DOCUMENTS;
      int index = i;
      long issued = System.nanoTime();
      CompletableFuture<Void> stored = store.append("doc" + doc, update).toCompletableFuture();
      if (withLedger) {
        CompletableFuture<Void> recorded = store.append(LedgerLog.docId("doc" + doc),
            LedgerLog.entryUpdate(clocks[doc]++, entry)).toCompletableFuture();
        stored = CompletableFuture.allOf(stored, recorded);
      }
      stored.whenComplete((v, e) -> {
        latencies[index] = System.nanoTime() - issued;
        done.countDown();
      });
    }
    done.await(60, TimeUnit.SECONDS);
    return latencies;
  }
}
