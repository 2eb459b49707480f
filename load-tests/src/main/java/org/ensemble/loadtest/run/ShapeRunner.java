package org.ensemble.loadtest.run;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.loadtest.client.ClientSpec;
import org.ensemble.loadtest.client.LoadClient;
import org.ensemble.loadtest.metrics.Clock;
import org.ensemble.loadtest.metrics.MemorySampler;
import org.ensemble.loadtest.metrics.ProcStats;
import org.ensemble.loadtest.metrics.RunMetrics;
import org.ensemble.loadtest.metrics.Samples;
import org.ensemble.loadtest.report.Format;
import org.ensemble.loadtest.report.ShapeResult;
import org.ensemble.loadtest.servers.ServerProcess;
import org.ensemble.loadtest.servers.Target;

/**
 * Runs one shape against one target on a fresh server: set up the rooms, connect every room's first
 * client and let it seed the track, connect the others, edit for the warm-up and the measured window,
 * stop, wait for the rooms to converge, check them and stop the server.
 */
public final class ShapeRunner {
  public static final long DRAIN_TIMEOUT_MS = 30_000;
  static final long TRACK_TIMEOUT_MS = 15_000;
  static final long SEED = 42;

  private final Target target;
  private final Path work;
  private final int eventLoops;
  private final boolean probes;

  /** @param probes every client but each room's first is a probe (saturation runs; see LoadClient) */
  public ShapeRunner(Target target, Path work, int eventLoops, boolean probes) {
    this.target = target;
    this.work = work;
    this.eventLoops = eventLoops;
    this.probes = probes;
  }

  public ShapeResult run(String kind, ShapeSpec spec) throws Exception {
    Path dir = Workspace.fresh(work, target.name() + "-" + kind + "-" + spec.label());
    double loadBefore = ProcStats.loadAverage();
    long toolPid = ProcessHandle.current().pid();
    Console.step(target.name() + " " + kind + " " + spec.label() + " (load average " + loadBefore + ")");
    try (ServerProcess server = target.start(dir.resolve("data"), dir.resolve("server.log"))) {
      RunMetrics metrics = new RunMetrics();
      MemorySampler memory = new MemorySampler(server.pid());
      try (Fleet fleet = new Fleet(metrics, eventLoops, spec.rooms() * spec.clients())) {
        memory.start(fleet.vertx(), MemorySampler.DEFAULT_PERIOD_MS);
        List<List<ClientSpec>> specs = target.prepare(server, spec.rooms(), spec.clients());
        List<List<LoadClient>> rooms = fleet.add(specs, spec.ownNotes(), SEED, probes);
        List<LoadClient> firsts = rooms.stream().map(r -> r.get(0)).toList();
        List<LoadClient> others = rooms.stream().flatMap(r -> r.subList(1, r.size()).stream()).toList();
        int connected = fleet.connect(firsts);
        fleet.each(firsts, LoadClient::seedTrack);
        connected += fleet.connect(others);
        awaitTracks(fleet);
        fleet.each(fleet.all(), LoadClient::seedNotes);
        Convergence.Outcome seeded = Convergence.await(fleet, DRAIN_TIMEOUT_MS);
        if (!seeded.ok()) {
          throw new IllegalStateException("the rooms did not converge after the first notes: " + seeded.firstProblem());
        }
        Console.info("connected " + connected + "/" + fleet.all().size() + "; editing at "
            + Format.number(spec.editsPerSecond()) + "/s per client");

        fleet.all().forEach(c -> c.startEditing(spec.editsPerSecond()));
        Thread.sleep(spec.warmupSeconds() * 1000L);
        long serverCpu0 = ProcStats.cpuMillis(server.pid());
        long toolCpu0 = ProcStats.cpuMillis(toolPid);
        long t0 = Clock.micros();
        metrics.openWindow(t0);
        Thread.sleep(spec.measureSeconds() * 1000L);
        long t1 = Clock.micros();
        metrics.closeWindow(t1);
        long serverCpu = ProcStats.cpuMillis(server.pid()) - serverCpu0;
        long toolCpu = ProcStats.cpuMillis(toolPid) - toolCpu0;
        fleet.each(fleet.all(), LoadClient::stopEditing);

        Convergence.Outcome outcome = Convergence.await(fleet, DRAIN_TIMEOUT_MS);
        memory.stop(fleet.vertx());
        double seconds = (t1 - t0) / 1e6;
        Samples.Summary latency = metrics.latency().summary();
        Samples.Summary connect = metrics.connectTimes().summary();
        ShapeResult result = new ShapeResult(kind, target.name(), spec.label(), spec.rooms(), spec.clients(),
            spec.editsPerSecond(), spec.warmupSeconds(), spec.measureSeconds(), latency.count(),
            metrics.editsInWindow() * (spec.clients() - 1), latency.percentile(50), latency.percentile(95),
            latency.percentile(99), latency.max(), metrics.deliveredInWindow() / seconds,
            metrics.editsInWindow() / seconds, connect.count(), connect.percentile(50), connect.percentile(99),
            metrics.errors().snapshot(), memory.peakKb(), serverCpu / 10.0 / seconds, toolCpu / 10.0 / seconds,
            loadBefore, outcome.ok(), outcome.ok()
                ? "all " + outcome.rooms() + " rooms converged (drained in " + outcome.drainMillis() + " ms)"
                : outcome.converged() + "/" + outcome.rooms() + " rooms converged; " + outcome.firstProblem());
        Console.result(result);
        Console.info("the tool's CPU per delivered update: "
            + Format.number(result.toolCpuPercent() / 100.0 * 1e6 / Math.max(1, result.deliveredPerSecond())) + " us"
            + (probes ? " (probes)" : " (full clients)"));
        return result;
      }
    }
  }

  private static void awaitTracks(Fleet fleet) throws InterruptedException {
    List<LoadClient> without = fleet.awaitTrue(fleet.all(), LoadClient::hasTrack, TRACK_TIMEOUT_MS);
    if (!without.isEmpty()) {
      List<String> described = fleet.each(without.subList(0, Math.min(3, without.size())), LoadClient::describe);
      throw new IllegalStateException(without.size() + " clients did not receive their room's track within "
          + TRACK_TIMEOUT_MS + " ms, e.g. " + described + " in room " + without.get(0).spec().room());
    }
  }
}
