package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.UpdateContents;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskStoreConfig;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.UpdateGate;

/**
 * What the attribution statistics and report cost with and without the {@link AttributionCache}: a
 * benchmark, not a test (run its main with the test classpath). A 5,000-note project (four tracks,
 * written by one person in 50 updates of 100 notes, then 500 of its notes transposed by a second
 * person in 50 updates) goes through the real gate into the embedded disk store. Timed, each as the
 * median of several runs, from the store's load to the rendered JSON bytes: the uncached path (load,
 * replay with gc off, compute, render), the cache cold (a project new to it), warm (nothing changed),
 * and after one edit (one pitch changed by the second person, then read).
 */
public final class AttributionCacheBenchmark {
  private static final String PROJECT = "benchmarkcache";
  private static final String[] TRACKS = {"soprano", "alto", "tenor", "bass"};
  private static final int NOTES = 5000;

  private AttributionCacheBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("attribution-cache-benchmark");
    Vertx vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(dir))) {
      Attribution attribution = new Attribution(store);
      UpdateGate gate = LedgerSizeBenchmark.on(context, () -> attribution.open(PROJECT, context));
      Doc[] docs = {new Doc(), new Doc()};
      RoomConnection[] people = {UserConnection.editor("person0"), UserConnection.editor("person1")};
      Writer writer = new Writer(store, gate, context, docs);
      for (int batch = 0; batch < NOTES / 100; batch++) {
        int first = batch * 100;
        writer.edit(0, people[0], d -> {
          for (int n = first; n < first + 100; n++) {
            Notes.add(d, TRACKS[n % 4], "n" + n, 48 + n % 30, (n / 4) * 240);
          }
        });
      }
      for (int batch = 0; batch < 50; batch++) {
        int first = batch * 10;
        writer.edit(1, people[1], d -> {
          for (int n = first; n < first + 10; n++) {
            Notes.find(d, "n" + (n * 10)).set("pitch", 60 + n % 12);
          }
        });
      }
      String title = "Benchmark";
      ProjectAttribution whole = LedgerSizeBenchmark.on(context, () -> attribution.attribution(vertx, PROJECT));
      int reportBytes = whole.report(PROJECT, title).toBuffer().length();
      for (int i = 0; i < 5; i++) { // warm the JIT up on both paths before timing either
        time(context, () -> attribution.attribution(vertx, PROJECT).map(a -> a.report(PROJECT, title).toBuffer()));
        time(context, () -> new AttributionCache(vertx, store).report(PROJECT, title));
      }
      System.out.printf(Locale.ROOT, "%d notes, %d ledger entries, stored %,d + %,d bytes (document + ledger);"
          + " report %,d bytes%n", whole.stats().getJsonObject("share").getInteger("notes"),
          whole.stats().getJsonObject("ledger").getInteger("entries"), store.storedBytes(PROJECT).toCompletableFuture().get(),
          store.storedBytes(LedgerLog.docId(PROJECT)).toCompletableFuture().get(), reportBytes);

      breakdown(store, title);
      for (String what : List.of("stats", "report")) {
        boolean report = what.equals("report");
        java.util.function.Function<ProjectAttribution, io.vertx.core.buffer.Buffer> render =
            a -> report ? a.report(PROJECT, title).toBuffer() : a.stats().put("projectId", PROJECT).toBuffer();
        double uncached = median(9, () -> time(context, () -> attribution.attribution(vertx, PROJECT)
            .compose(a -> vertx.executeBlocking(() -> render.apply(a), false))));
        java.util.function.Function<AttributionCache, Future<TaggedBody>> cached =
            c -> report ? c.report(PROJECT, title) : c.rendered(PROJECT, what, render);
        double cold = median(9, () -> time(context, () -> cached.apply(new AttributionCache(vertx, store))));
        AttributionCache cache = new AttributionCache(vertx, store);
        time(context, () -> cached.apply(cache));
        double warm = median(21, () -> time(context, () -> cached.apply(cache)));
        int[] pitch = {40};
        double edited = median(9, () -> {
          writer.edit(1, people[1], d -> Notes.find(d, "n7").set("pitch", pitch[0]++));
          return time(context, () -> cached.apply(cache));
        });
        System.out.printf(Locale.ROOT, "%-6s medians: uncached %.1f ms; cached: cold %.1f ms, warm (unchanged) %.2f ms,"
            + " after one edit %.1f ms%n", what, uncached, cold, warm, edited);
      }
      AttributionCache held = new AttributionCache(vertx, store);
      long before = usedAfterGc();
      time(context, () -> held.report(PROJECT, title));
      time(context, () -> held.rendered(PROJECT, "stats", a -> a.stats().toBuffer()));
      long after = usedAfterGc();
      System.out.printf(Locale.ROOT, "memory held by one cached project (replay, attribution, both bodies): about %.1f MB%n",
          (after - before) / 1e6);
      if (held.size() != 1) {
        throw new AssertionError("the project was dropped");
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Where an uncached query's time goes: the store's loads, the replay, the computation, the rendering. */
  private static void breakdown(DiskDocumentStore store, String title) throws Exception {
    double[][] ms = new double[5][9];
    for (int i = 0; i < 9; i++) {
      long t0 = System.nanoTime();
      List<byte[]> document = store.load(PROJECT).toCompletableFuture().get();
      List<byte[]> ledgerUpdates = store.load(LedgerLog.docId(PROJECT)).toCompletableFuture().get();
      long t1 = System.nanoTime();
      Doc history = ProjectHistory.historyDoc(document);
      Ledger ledger = LedgerLog.read(ledgerUpdates);
      long t2 = System.nanoTime();
      ProjectAttribution a = ProjectAttribution.of(history, ledger);
      long t3 = System.nanoTime();
      int bytes = a.stats().toBuffer().length();
      long t4 = System.nanoTime();
      bytes += a.report(PROJECT, title).toBuffer().length();
      long t5 = System.nanoTime();
      long[] t = {t0, t1, t2, t3, t4, t5};
      for (int k = 0; k < 5; k++) {
        ms[k][i] = (t[k + 1] - t[k]) / 1e6;
      }
      if (bytes == 0) {
        throw new AssertionError("nothing rendered");
      }
    }
    for (double[] m : ms) {
      Arrays.sort(m);
    }
    System.out.printf(Locale.ROOT, "uncached, medians: load both %.1f ms, replay (gc off) and ledger %.1f ms,"
        + " compute %.1f ms, render statistics %.1f ms, render report %.1f ms%n", ms[0][4], ms[1][4], ms[2][4],
        ms[3][4], ms[4][4]);
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  @FunctionalInterface
  private interface Timed {
    double millis() throws Exception;
  }

  private static double median(int runs, Timed timed) throws Exception {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      ms[i] = timed.millis();
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  private static double time(Context context, Supplier<Future<?>> task) throws Exception {
    long start = System.nanoTime();
    LedgerSizeBenchmark.on(context, () -> task.get().map(x -> (Object) x));
    return (System.nanoTime() - start) / 1e6;
  }

  /** Edits of the people's copies, each through the gate and into the store, then delivered to the others. */
  private record Writer(DiskDocumentStore store, UpdateGate gate, Context context, Doc[] docs) {
    void edit(int who, RoomConnection from, Consumer<Doc> change) throws Exception {
      Doc doc = docs[who];
      List<byte[]> produced = new ArrayList<>();
      var sub = doc.onUpdate((u, o, t) -> produced.add(u));
      doc.transact(t -> change.accept(doc));
      sub.close();
      byte[] update = Updates.mergeUpdates(produced);
      UpdateContents contents = Updates.readContents(update);
      LedgerSizeBenchmark.on(context, () -> {
        String refusal = gate.check(from, contents, c -> 0);
        if (refusal != null) {
          return Future.failedFuture(refusal);
        }
        return Future.all(gate.record(from, contents), Future.fromCompletionStage(store.append(PROJECT, update)))
            .mapEmpty();
      });
      for (Doc d : docs) {
        if (d != doc) {
          d.applyUpdate(update);
        }
      }
    }
  }
}
