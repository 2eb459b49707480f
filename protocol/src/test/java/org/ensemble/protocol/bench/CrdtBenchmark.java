package org.ensemble.protocol.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ensemble.protocol.bench.BenchInputs.Task;
import org.ensemble.protocol.lib0.Json;

/**
 * Tasks B1, B2 and B4 of dmonad/crdt-benchmarks on Ensemble's Java Yjs port: the Java side of
 * {@code scripts/crdt-bench.sh}, which runs {@code protocol/src/test/js/crdt-bench.mjs} on the real
 * yjs beside it and prints the comparison. A benchmark, not a test: Surefire does not run it.
 *
 * <pre>
 * java -cp protocol/target/classes:protocol/target/test-classes \
 *     org.ensemble.protocol.bench.CrdtBenchmark --task B1.1[,B4,...] [--repeat 5] [--trace FILE]
 * </pre>
 *
 * <p>Prints one JSON object per task on standard output (same fields as the Node side): every
 * repetition's timings, the document sizes and sha256 of the v1 and v2 encodings, the digest of the
 * operations (equal to Node's when both did the same work) and the correctness checks.
 * What each field measures: {@link TaskRun}.
 */
public final class CrdtBenchmark {
  /** Where the B4 trace lies, relative to the repository root. */
  static final String DEFAULT_TRACE = "../shared/data/editing-trace/automerge-paper.json.gz";

  private CrdtBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> tasks = new ArrayList<>();
    int repeat = 5;
    Path trace = Path.of(DEFAULT_TRACE);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i + 1 >= args.length) {
        usage("missing value after " + arg);
      }
      switch (arg) {
        case "--task", "--tasks" -> tasks.addAll(Arrays.asList(args[++i].split(",")));
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--trace" -> trace = Path.of(args[++i]);
        default -> usage("unknown argument " + arg);
      }
    }
    tasks.removeIf(String::isEmpty);
    if (tasks.isEmpty() || repeat < 1) {
      usage("give --task and a positive --repeat");
    }
    for (String id : tasks) {
      if (!BenchInputs.NAMES.containsKey(id)) {
        usage("unknown task " + id + " (known: " + String.join(" ", BenchInputs.NAMES.keySet()) + ")");
      }
    }
    if (tasks.contains("B4") && !Files.isRegularFile(trace)) {
      usage("B4 needs the editing trace; not found: " + trace + " (use --trace FILE)");
    }

    Map<String, Task> random = BenchInputs.generateRandomTasks();
    for (String id : tasks) {
      Task task = id.equals("B4") ? EditingTrace.read(trace) : random.get(id);
      List<TaskRun> runs = new ArrayList<>();
      for (int r = 0; r < repeat; r++) {
        runs.add(TaskRun.run(task));
      }
      System.out.println(Json.stringify(result(task, runs)));
      System.out.flush();
    }
  }

  private static Map<String, Object> result(Task task, List<TaskRun> runs) {
    TaskRun first = runs.get(0);
    Set<String> problems = new LinkedHashSet<>();
    runs.stream().map(r -> r.problem).filter(p -> p != null).forEach(problems::add);
    if (column(runs, r -> r.sha256V1).stream().distinct().count() > 1
        || column(runs, r -> r.sha256V2).stream().distinct().count() > 1) {
      problems.add("encoding differs between repetitions");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("impl", "ensemble");
    out.put("version", "protocol (Java port of yjs 13.6.33)");
    out.put("runtime", "java " + System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
    out.put("task", task.id());
    out.put("name", task.name());
    out.put("repeat", runs.size());
    out.put("inputSha256", BenchInputs.digest(task));
    out.put("ok", problems.isEmpty());
    out.put("problems", new ArrayList<>(problems));
    out.put("timeMs", column(runs, r -> r.timeMs));
    out.put("cpuMs", column(runs, r -> r.cpuMs));
    out.put("encodeMs", column(runs, r -> r.encodeMs));
    out.put("encodeV1Ms", column(runs, r -> r.encodeV1Ms));
    out.put("loadMs", column(runs, r -> r.loadMs));
    out.put("loadV1Ms", column(runs, r -> r.loadV1Ms));
    out.put("memBytes", column(runs, r -> r.memBytes));
    out.put("updates", first.updates);
    out.put("updateBytes", first.updateBytes < 0 ? null : first.updateBytes);
    out.put("suiteUpdateSize", first.suiteUpdateSize < 0 ? null : first.suiteUpdateSize);
    out.put("docSizeV1", first.docSizeV1);
    out.put("docSizeV2", first.docSizeV2);
    out.put("sha256V1", first.sha256V1);
    out.put("sha256V2", first.sha256V2);
    return out;
  }

  private static <T> List<T> column(List<TaskRun> runs, Function<TaskRun, T> f) {
    List<T> out = new ArrayList<>(runs.size());
    runs.forEach(r -> out.add(f.apply(r)));
    return out;
  }

  private static void usage(String problem) {
    System.err.println("CrdtBenchmark: " + problem);
    System.err.println("usage: CrdtBenchmark --task B1.1[,B2.4,B4,...] [--repeat N] [--trace FILE]");
    System.exit(2);
  }
}
