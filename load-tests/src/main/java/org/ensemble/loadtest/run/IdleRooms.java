package org.ensemble.loadtest.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ensemble.loadtest.client.ClientSpec;
import org.ensemble.loadtest.client.LoadClient;
import org.ensemble.loadtest.metrics.MemorySampler;
import org.ensemble.loadtest.metrics.ProcStats;
import org.ensemble.loadtest.metrics.RunMetrics;
import org.ensemble.loadtest.metrics.Samples;
import org.ensemble.loadtest.report.Format;
import org.ensemble.loadtest.report.IdleResult;
import org.ensemble.loadtest.servers.ServerProcess;
import org.ensemble.loadtest.servers.Target;

/**
 * Memory per idle room, the same way on both servers. First the rooms are made and stored: for each,
 * one client connects, adds the room's track (Ensemble's rooms also hold the empty-project settings
 * its REST API writes) and leaves; the server is stopped. Then a fresh server process starts on that
 * data, settles, and its RSS is read with no room open; then one idle client per room joins, step by
 * step (100 rooms, then 1,000), the server settles, and its RSS is read again.
 */
public final class IdleRooms {
  /** How long the server is left alone before a reading. */
  public static final long SETTLE_MS = 5_000;
  /**
   * After seeding, before stopping the server: the reference's LevelDB writes are not awaited (it does
   * not acknowledge them), and on a busy machine 2 s were not enough for a thousand rooms.
   */
  static final long STORE_GRACE_MS = 10_000;
  static final long CONTENT_TIMEOUT_MS = 15_000;

  private final Target target;
  private final Path work;
  private final int eventLoops;

  public IdleRooms(Target target, Path work, int eventLoops) {
    this.target = target;
    this.work = work;
    this.eventLoops = eventLoops;
  }

  /** One reading at the server's default model setting. */
  public IdleResult run(List<Integer> counts, int holdSeconds) throws Exception {
    return run(counts, holdSeconds, Collections.singletonList(null), 1).get(0);
  }

  /**
   * Makes and stores the rooms once, then reads them {@code runs} times for each model setting, each on
   * a fresh server process: round by round, the settings in turn (off, lazy, eager, off, ...).
   *
   * @param models the server's AI model settings to read ({@code off}, {@code lazy}, {@code eager}; a
   *     null entry for its default); ignored by a server without a model
   * @param holdSeconds how long to keep the server and its idle clients after the last reading (to
   *     inspect the server from outside, e.g. with {@code jcmd <pid> GC.class_histogram}); 0 for none
   */
  public List<IdleResult> run(List<Integer> counts, int holdSeconds, List<String> models, int runs) throws Exception {
    int total = counts.get(counts.size() - 1);
    Path dir = Workspace.fresh(work, target.name() + "-idle");
    Path data = dir.resolve("data");
    Console.step(target.name() + " idle rooms " + counts + " (load average " + ProcStats.loadAverage() + ")");
    List<List<ClientSpec>> prepared;
    try (ServerProcess server = target.start(data, dir.resolve("server-setup.log"))) {
      prepared = target.prepare(server, total, 1);
      try (Fleet fleet = new Fleet(new RunMetrics(), eventLoops, total)) {
        List<LoadClient> clients = fleet.add(prepared, 1, ShapeRunner.SEED, false).stream().map(r -> r.get(0)).toList();
        int n = fleet.connect(clients);
        fleet.each(clients, LoadClient::seedTrack);
        Thread.sleep(STORE_GRACE_MS); // the seed's update on its way to the store; the reference does not ack
        Console.info("stored " + n + " rooms");
      }
    }
    List<IdleResult> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      for (String model : models) {
        results.add(measure(target.withModel(model), model, data, dir.resolve("server-" + model + "-" + run + ".log"),
            prepared, counts, holdSeconds));
      }
    }
    return results;
  }

  private IdleResult measure(Target measured, String model, Path data, Path log, List<List<ClientSpec>> prepared,
                             List<Integer> counts, int holdSeconds) throws Exception {
    double loadBefore = ProcStats.loadAverage();
    RunMetrics metrics = new RunMetrics();
    try (ServerProcess server = measured.start(data, log);
         Fleet fleet = new Fleet(metrics, eventLoops, prepared.size())) {
      List<List<ClientSpec>> rooms = measured.reuse(server, prepared);
      MemorySampler memory = new MemorySampler(server.pid());
      memory.start(fleet.vertx(), MemorySampler.DEFAULT_PERIOD_MS);
      Thread.sleep(SETTLE_MS); // left alone before the baseline reading
      long baseline = memory.rssKb();
      List<Long> rss = new ArrayList<>();
      int missing = 0;
      int open = 0;
      for (int count : counts) {
        List<LoadClient> step = fleet.add(rooms.subList(open, count), 1, ShapeRunner.SEED, false).stream()
            .map(r -> r.get(0)).toList();
        fleet.connect(step);
        // The reference answers the sync before it has loaded the room from LevelDB; the content follows.
        missing += fleet.awaitTrue(step, LoadClient::hasTrack, CONTENT_TIMEOUT_MS).size();
        open = count;
        Thread.sleep(SETTLE_MS); // left alone before the reading
        rss.add(memory.rssKb());
        Console.info(count + " idle rooms: RSS " + Format.megabytes(rss.get(rss.size() - 1)));
      }
      if (holdSeconds > 0) {
        Console.info("holding " + holdSeconds + " s; server pid " + server.pid());
        Thread.sleep(holdSeconds * 1000L); // the caller asked to keep the state for inspection
      }
      memory.stop(fleet.vertx());
      Samples.Summary connect = metrics.connectTimes().summary();
      IdleResult result = new IdleResult(target.name(), baseline, List.copyOf(counts), rss, memory.peakKb(),
          connect.percentile(50), connect.percentile(99), missing, metrics.errors().snapshot(), loadBefore, model);
      Console.info(result.label() + ": baseline " + Format.megabytes(baseline) + ", " + counts + " → "
          + rss.stream().map(Format::megabytes).toList() + ", " + String.format("%.1f", result.perRoomKb())
          + " kB per extra room; rooms without their track: " + missing + "; errors " + result.errors());
      return result;
    }
  }
}
