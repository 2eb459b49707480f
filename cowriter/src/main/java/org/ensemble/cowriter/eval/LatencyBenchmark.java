package org.ensemble.cowriter.eval;

import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ensemble.cowriter.cli.CommandLine;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.ChoraleProject;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.Controls;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.cowriter.sampling.Resampling;
import org.ensemble.cowriter.generation.Candidates;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.cowriter.generation.GenerationRequest;
import org.ensemble.schema.ProjectView;

/**
 * {@code benchmark [--model DIR] [--requests 20] [--request JSON] [--resampling cells|notes|alternate]
 * [--out FILE]}: latency of infill requests in all four voices, 2-bar and 8-bar regions, 1 and 4
 * candidates, on one inference thread as a server worker runs them: request → plan → blocked Gibbs
 * sampling → notes. p50 and p95 over the requests (after warm-up), each request a different test
 * chorale and seed. {@code --request} adds fields to every request (e.g. {@code {"strictLock": false}},
 * to time the sampler without the lock); {@code --resampling} times another {@link Resampling} than
 * the studio's.
 */
public final class LatencyBenchmark {
  /**
   * The request thread's own CPU time: with one OpenMP thread PyTorch computes on the calling thread,
   * so this is the work a request costs, whatever else the shared machine runs meanwhile.
   */
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private LatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(args, "model", "data", "requests", "request", "resampling", "out");
    JsonObject extra = new JsonObject(cli.get("request", "{}"));
    Resampling resampling = Resampling.valueOf(cli.get("resampling", Controls.DEFAULT_RESAMPLING.name())
        .toUpperCase(Locale.ROOT));
    ChoraleSet data = ChoraleSet.read(Path.of(cli.get("data", ChoraleSet.defaultPath().toString())));
    int requests = cli.getInt("requests", 20);
    List<Chorale> pieces = data.test().stream().filter(c -> c.length() >= 12 * 16).toList();
    String loadBefore = loadAverage();
    StringBuilder table = new StringBuilder("| region | candidates | p50 (ms) | p95 (ms) | CPU p50 (ms) |\n"
        + "| --- | --- | --- | --- | --- |\n");
    JsonArray rows = new JsonArray();
    try (ChoraleModel model = ChoraleModel.load(Path.of(cli.get("model", "models/chorale")));
         Predictor<List<Roll>, Distributions> predictor = model.newPredictor()) {
      GibbsSampler sampler = new GibbsSampler(predictor, model.spec());
      for (int bars : new int[] {2, 8}) {
        for (int candidates : new int[] {1, 4}) {
          for (int w = 0; w < 3; w++) {
            once(sampler, model, pieces.get(w), bars, candidates, w, extra, resampling);
          }
          double[] ms = new double[requests];
          double[] cpu = new double[requests];
          for (int r = 0; r < requests; r++) {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            ms[r] = once(sampler, model, pieces.get(r % pieces.size()), bars, candidates, 100 + r, extra,
                resampling);
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
          }
          Arrays.sort(cpu);
          double cpu50 = percentile(cpu, 0.5);
          JsonArray each = new JsonArray();
          for (double x : ms) {
            each.add(Math.round(x));
          }
          Arrays.sort(ms);
          double p50 = percentile(ms, 0.5);
          double p95 = percentile(ms, 0.95);
          table.append(String.format(Locale.ROOT, "| %d bars × 4 voices | %d | %.0f | %.0f | %.0f |%n", bars, candidates,
              p50, p95, cpu50));
          rows.add(new JsonObject().put("bars", bars).put("candidates", candidates).put("requests", requests)
              .put("p50Millis", Math.round(p50)).put("p95Millis", Math.round(p95))
              .put("cpuP50Millis", Math.round(cpu50)).put("millis", each));
        }
      }
    }
    String loadAfter = loadAverage();
    table.append("\nload average (1, 5, 15 min) before: ").append(loadBefore).append(", after: ").append(loadAfter).append('\n');
    System.out.print(table);
    if (cli.get("out", null) != null) {
      Files.writeString(Path.of(cli.get("out", null)), new JsonObject().put("latency", rows)
          .put("request", extra).put("resampling", resampling.name().toLowerCase(Locale.ROOT))
          .put("threads", 1).put("cpus", Runtime.getRuntime().availableProcessors())
          .put("loadAverageBefore", loadBefore).put("loadAverageAfter", loadAfter)
          .put("measuredAt", java.time.Instant.now().toString()).encodePrettily() + "\n");
    }
  }

  private static double once(GibbsSampler sampler, ChoraleModel model, Chorale piece, int bars, int candidates,
                             long seed, JsonObject extra, Resampling resampling) throws Exception {
    long started = System.nanoTime();
    ProjectView project = ChoraleProject.of(piece, "benchmark");
    GenerationRequest request = GenerationRequest.parse(new JsonObject().put("mode", "infill")
        .put("region", new JsonObject().put("startBar", 2).put("endBar", 2 + bars))
        .put("candidates", candidates).put("seed", seed).mergeIn(extra), seed);
    GenerationPlan plan = GenerationPlan.of(request, project, model.spec());
    plan = plan.withControls(plan.controls().withResampling(resampling));
    Candidates.sample(sampler, plan, model.spec());
    return (System.nanoTime() - started) / 1e6;
  }

  /** The machine's load (other processes share its CPUs): the first three fields of /proc/loadavg. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static double percentile(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
