package org.ensemble.loadtest.run;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ensemble.loadtest.client.ClientSpec;
import org.ensemble.loadtest.metrics.MemorySampler;
import org.ensemble.loadtest.metrics.ProcStats;
import org.ensemble.loadtest.report.Format;
import org.ensemble.loadtest.report.ShapeResult;
import org.ensemble.loadtest.servers.ServerProcess;
import org.ensemble.loadtest.servers.Target;

/**
 * Runs one shape with stock clients: the real {@code yjs} + {@code y-websocket} providers under Node
 * ({@code load-tests/stock-clients/stock-load.mjs}), which offer permessage-deflate and echo awareness as
 * browsers' clients do. This runner starts the server and prepares its rooms as {@link ShapeRunner} does,
 * hands the rooms to the Node tool, and reads the server's CPU over the window the tool announces.
 */
public final class StockShapeRunner {
  /** The kind written in the results: the latency and memory bars are read from these rows. */
  public static final String KIND = "stock";

  private final Target target;
  private final Path work;
  private final Path toolDir;
  private final String node;
  private final boolean presence;
  private final boolean deflate;

  public StockShapeRunner(Target target, Path work, Path toolDir, String node, boolean presence, boolean deflate) {
    this.target = target;
    this.work = work;
    this.toolDir = toolDir;
    this.node = node;
    this.presence = presence;
    this.deflate = deflate;
  }

  /** {@code stock}, or {@code stock-nodeflate} / {@code stock-nopresence} for the variants. */
  public String kind() {
    return KIND + (deflate ? "" : "-nodeflate") + (presence ? "" : "-nopresence");
  }

  public ShapeResult run(ShapeSpec spec) throws Exception {
    Path script = toolDir.resolve("stock-load.mjs");
    if (!Files.isDirectory(toolDir.resolve("node_modules/y-websocket"))) {
      throw new IllegalStateException("the stock clients are not installed: run `npm ci` in " + toolDir + " (run.sh does)");
    }
    Path dir = Workspace.fresh(work, target.name() + "-" + kind() + "-" + spec.label());
    double loadBefore = ProcStats.loadAverage();
    Console.step(target.name() + " " + kind() + " " + spec.label() + " (load average " + loadBefore + ")");
    Vertx vertx = Vertx.vertx();
    try (ServerProcess server = target.start(dir.resolve("data"), dir.resolve("server.log"))) {
      MemorySampler memory = new MemorySampler(server.pid());
      memory.start(vertx, MemorySampler.DEFAULT_PERIOD_MS);
      List<List<ClientSpec>> rooms = target.prepare(server, spec.rooms(), spec.clients());
      Path specFile = dir.resolve("stock-spec.json");
      Files.writeString(specFile, toolSpec(rooms, spec).encodePrettily(), StandardCharsets.UTF_8);
      Process tool = new ProcessBuilder(node, script.toString(), specFile.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      long cpuAtOpen = 0;
      long serverCpu = 0;
      JsonObject result = null;
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonObject event = new JsonObject(line);
          switch (event.getString("event", "")) {
            case "window-open" -> cpuAtOpen = ProcStats.cpuMillis(server.pid());
            case "window-close" -> serverCpu = ProcStats.cpuMillis(server.pid()) - cpuAtOpen;
            case "result" -> result = event;
            default -> { }
          }
        }
      }
      if (!tool.waitFor(60, TimeUnit.SECONDS)) {
        tool.destroyForcibly();
      }
      memory.stop(vertx);
      if (result == null) {
        throw new IllegalStateException("the stock-client tool ended (status " + tool.exitValue() + ") without a result");
      }
      ShapeResult shape = toResult(spec, result, serverCpu, memory.peakKb(), loadBefore);
      Console.result(shape);
      Console.info("stock clients' CPU per delivered update: "
          + Format.number(result.getDouble("toolCpuMicrosPerDelivery")) + " us");
      return shape;
    } finally {
      vertx.close().await();
    }
  }

  private JsonObject toolSpec(List<List<ClientSpec>> rooms, ShapeSpec spec) {
    JsonArray all = new JsonArray();
    for (List<ClientSpec> room : rooms) {
      JsonArray clients = new JsonArray();
      for (ClientSpec c : room) {
        clients.add(where(c));
      }
      all.add(clients);
    }
    return new JsonObject().put("rooms", all).put("rate", spec.editsPerSecond())
        .put("warmupSeconds", spec.warmupSeconds()).put("measureSeconds", spec.measureSeconds())
        .put("ownNotes", spec.ownNotes()).put("presence", presence).put("deflate", deflate)
        .put("seed", ShapeRunner.SEED).put("drainTimeoutMs", ShapeRunner.DRAIN_TIMEOUT_MS);
  }

  /** A provider's arguments: y-websocket joins the server URL, the room and the parameters itself. */
  static JsonObject where(ClientSpec c) {
    URI uri = URI.create("ws://" + ClientSpec.HOST + ":" + c.port() + c.uri());
    String path = uri.getPath();
    int slash = path.lastIndexOf('/');
    JsonObject params = new JsonObject();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return new JsonObject().put("name", c.name())
        .put("serverUrl", "ws://" + ClientSpec.HOST + ":" + c.port() + path.substring(0, slash))
        .put("room", path.substring(slash + 1)).put("params", params);
  }

  private ShapeResult toResult(ShapeSpec spec, JsonObject r, long serverCpuMillis, long peakKb, double loadBefore) {
    Map<String, Long> errors = new TreeMap<>();
    r.getJsonObject("errors", new JsonObject()).forEach(e -> errors.put(e.getKey(), ((Number) e.getValue()).longValue()));
    double seconds = spec.measureSeconds();
    return new ShapeResult(kind(), target.name(), spec.label(), spec.rooms(), spec.clients(), spec.editsPerSecond(),
        spec.warmupSeconds(), spec.measureSeconds(), r.getLong("latencyCount"), r.getLong("expectedDeliveries"),
        r.getLong("p50"), r.getLong("p95"), r.getLong("p99"), r.getLong("max"), r.getDouble("deliveredPerSecond"),
        r.getDouble("editsSentPerSecond"), r.getLong("connectCount"), r.getLong("connectP50"), r.getLong("connectP99"),
        errors, peakKb, serverCpuMillis / 10.0 / seconds, r.getDouble("toolCpuPercent"), loadBefore,
        r.getBoolean("converged"), r.getString("convergence"));
  }
}
