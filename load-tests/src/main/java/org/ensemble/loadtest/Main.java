package org.ensemble.loadtest;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.loadtest.report.IdleResult;
import org.ensemble.loadtest.report.MarkdownReport;
import org.ensemble.loadtest.report.ShapeResult;
import org.ensemble.loadtest.run.IdleRooms;
import org.ensemble.loadtest.run.SaturationSearch;
import org.ensemble.loadtest.run.ShapeRunner;
import org.ensemble.loadtest.run.ShapeSpec;
import org.ensemble.loadtest.run.StockShapeRunner;
import org.ensemble.loadtest.servers.CpuPinning;
import org.ensemble.loadtest.servers.EnsembleTarget;
import org.ensemble.loadtest.servers.ReferenceTarget;
import org.ensemble.loadtest.servers.Target;
import org.ensemble.loadtest.stalls.GcPauses;
import org.ensemble.loadtest.stalls.StallReport;
import org.ensemble.loadtest.stalls.TraceFile;

/**
 * The load tool. Run from the repository root:
 * <pre>
 * java -jar load-tests/target/ensemble-load-tests-0.1.0-SNAPSHOT.jar COMMAND [--option value]...
 *   shape    --target ensemble|reference --rooms R --clients C --rate EDITS_PER_S [--warmup S] [--duration S]
 *            [--mode stock|java] (stock: the real yjs + y-websocket providers under Node, the default)
 *            [--presence on|off] [--deflate on|off] (stock mode: cursor moves on half the edits; offer
 *            permessage-deflate as browsers do; both on by default)  [--stock-dir DIR]
 *   saturate --target T --rooms R --clients C --rates 2,4,8 [--threshold-ms 100] [--warmup S] [--duration S]
 *            [--mode probe|full] (probe: one full client per room, the others read update headers only)
 *   idle     --target T [--counts 100,1000] [--hold SECONDS (keep the server for inspection)]
 *            [--runs N (readings per setting, each on a fresh server; the rooms are made once)]
 *            [--models off,lazy,eager (Ensemble's AI model settings to read, in turn; default its own)]
 *   report   --results FILE.jsonl --out FILE.md
 *   stalls   --trace FILE (from -Dloadtest.trace=FILE) [--server-gc GC.log] [--tool-gc GC.log] (logs with the time decorator)
 * common:    --json FILE.jsonl (results are appended, one JSON per line)   --work DIR (servers' data and logs)
 *            --launcher ENSEMBLE_SCRIPT (default ./ensemble)  --server-jvm-options "..." (JAVA_TOOL_OPTIONS)
 *            --server-args "..." (e.g. "--store redis --config F")
 *            --server-cpus LIST (taskset CPU list the servers run on, e.g. 0-1; default any)
 *            --reference-dir DIR  --node NODE  --event-loops N
 *            --own-notes N (notes each client keeps; default 8)
 * </pre>
 * Exit status 3 when a room did not converge (or every client could not connect), 2 on bad usage.
 */
public final class Main {
  static final String DEFAULT_LAUNCHER = "ensemble";
  static final String DEFAULT_REFERENCE_DIR = "load-tests/reference-server";
  static final String DEFAULT_STOCK_DIR = "load-tests/stock-clients";
  static final String DEFAULT_WORK = "load-tests/target/work";
  static final int DEFAULT_WARMUP_S = 5;
  static final int DEFAULT_DURATION_S = 30;

  private Main() {}

  public static void main(String[] argv) throws Exception {
    Args args;
    try {
      args = new Args(argv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + usage());
      System.exit(2);
      return;
    }
    int status = switch (args.command()) {
      case "shape" -> shape(args);
      case "saturate" -> saturate(args);
      case "idle" -> idle(args);
      case "report" -> report(args);
      case "stalls" -> stalls(args);
      default -> {
        System.err.println("unknown command " + args.command() + "\n" + usage());
        yield 2;
      }
    };
    System.exit(status);
  }

  private static String usage() {
    return "usage: load-tool shape|saturate|idle|report|stalls [--option value]... (see Main's javadoc or load-tests/README.md)";
  }

  private static Target target(Args a) {
    String name = a.required("target");
    CpuPinning cpus = new CpuPinning(a.get("server-cpus", ""));
    return switch (name) {
      case "ensemble" -> new EnsembleTarget(Path.of(a.get("launcher", DEFAULT_LAUNCHER)).toAbsolutePath(),
          a.words("server-jvm-options"), a.words("server-args"), cpus);
      case "reference" -> new ReferenceTarget(Path.of(a.get("reference-dir", DEFAULT_REFERENCE_DIR)).toAbsolutePath(),
          a.get("node", "node"), cpus);
      default -> throw new IllegalArgumentException("--target is ensemble or reference, not " + name);
    };
  }

  private static ShapeRunner runner(Args a, boolean probes) {
    int loops = a.integer("event-loops", Runtime.getRuntime().availableProcessors());
    return new ShapeRunner(target(a), Path.of(a.get("work", DEFAULT_WORK)).toAbsolutePath(), loops, probes);
  }

  private static ShapeSpec spec(Args a, double rate) {
    return new ShapeSpec(a.integer("rooms", 1), a.integer("clients", 2), rate, a.integer("warmup", DEFAULT_WARMUP_S),
        a.integer("duration", DEFAULT_DURATION_S), a.integer("own-notes", 8));
  }

  private static int shape(Args a) throws Exception {
    ShapeSpec spec = spec(a, a.decimal("rate", 1));
    ShapeResult r = switch (a.get("mode", "stock")) {
      case "stock" -> new StockShapeRunner(target(a), Path.of(a.get("work", DEFAULT_WORK)).toAbsolutePath(),
          Path.of(a.get("stock-dir", DEFAULT_STOCK_DIR)).toAbsolutePath(), a.get("node", "node"),
          onOff(a, "presence"), onOff(a, "deflate")).run(spec);
      case "java" -> runner(a, false).run("shape", spec);
      default -> throw new IllegalArgumentException("--mode is stock or java, not " + a.get("mode", ""));
    };
    write(a, r.toJson());
    return verdict(r);
  }

  private static int saturate(Args a) throws Exception {
    boolean probes = switch (a.get("mode", "probe")) {
      case "probe" -> true;
      case "full" -> false;
      default -> throw new IllegalArgumentException("--mode is probe or full, not " + a.get("mode", ""));
    };
    SaturationSearch search = new SaturationSearch(runner(a, probes),
        (long) (a.decimal("threshold-ms", SaturationSearch.DEFAULT_THRESHOLD_MICROS / 1000.0) * 1000));
    List<ShapeResult> steps = search.run(spec(a, 1), a.decimals("rates", "2,4,8,16"), r -> write(a, r.toJson()));
    return steps.stream().anyMatch(r -> !r.converged()) ? 3 : 0;
  }

  private static int idle(Args a) throws Exception {
    int loops = a.integer("event-loops", Runtime.getRuntime().availableProcessors());
    // --models off,lazy,eager: the AI model settings to read Ensemble at (default: its own default).
    String models = a.get("models", "");
    List<String> settings = models.isEmpty() ? Collections.singletonList(null) : List.of(models.split(","));
    List<IdleResult> results = new IdleRooms(target(a), Path.of(a.get("work", DEFAULT_WORK)).toAbsolutePath(), loops)
        .run(a.integers("counts", "100,1000"), a.integer("hold", 0), settings, a.integer("runs", 1));
    results.forEach(r -> write(a, r.toJson()));
    return results.stream().allMatch(r -> r.roomsWithoutContent() == 0) ? 0 : 3;
  }

  private static int report(Args a) throws IOException {
    Path out = Path.of(a.required("out"));
    String md = MarkdownReport.render(Files.readAllLines(Path.of(a.required("results"))).stream()
        .filter(l -> !l.isBlank()).map(JsonObject::new).toList(), a.get("title", "Load test results"),
        a.get("command", ""), a.get("notes", ""));
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.err.println("wrote " + out);
    return 0;
  }

  private static int stalls(Args a) throws IOException {
    TraceFile trace = TraceFile.parse(Files.readAllLines(Path.of(a.required("trace"))));
    Map<String, List<StallReport.Pause>> pauses = new LinkedHashMap<>();
    for (String which : List.of("server-gc", "tool-gc")) {
      String log = a.get(which, null);
      if (log != null) {
        pauses.put(which.replace("-gc", " GC"), GcPauses.parse(Files.readAllLines(Path.of(log))));
      }
    }
    System.out.print(StallReport.render(trace.deliveries(), trace.offsetMicros(), pauses));
    return 0;
  }

  private static boolean onOff(Args a, String option) {
    return switch (a.get(option, "on")) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("--" + option + " is on or off");
    };
  }

  private static int verdict(ShapeResult r) {
    if (!r.converged()) {
      System.err.println("NOT CONVERGED: " + r.convergence());
      return 3;
    }
    return 0;
  }

  private static void write(Args a, JsonObject json) {
    String file = a.get("json", null);
    if (file == null) {
      System.out.println(json.encode());
      return;
    }
    try {
      Files.writeString(Path.of(file), json.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
