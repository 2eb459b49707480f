package org.ensemble.protocol.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ensemble.protocol.bench.BenchInputs.B1Task;
import org.ensemble.protocol.bench.BenchInputs.B2Task;
import org.ensemble.protocol.bench.BenchInputs.B4Task;
import org.ensemble.protocol.bench.BenchInputs.Op;
import org.ensemble.protocol.bench.BenchInputs.Task;

/**
 * One repetition of one task, measured as crdt-bench.mjs measures it on yjs:
 * <ul>
 *   <li>{@code timeMs} (wall clock) and {@code cpuMs} (CPU time of the whole process, JIT and GC
 *       threads included): the suite's {@code time} (B1: apply every step on doc1, apply its updates
 *       to doc2, check both; B2: both users' transactions, with updates forwarded at once, and the
 *       convergence check; B4: replay the trace and read the text), after a full GC;</li>
 *   <li>{@code encodeMs}: {@code encodeStateAsUpdateV2} of doc1 (the suite's docSize is its length);</li>
 *   <li>{@code loadMs} / {@code loadV1Ms}: a fresh replica applying the v2 / v1 document, after a full GC;</li>
 *   <li>{@code memBytes}: heap used after a full GC with the loaded (v2) replica held, minus the
 *       same before loading it; the median of {@value #MEMORY_SAMPLES} samples.</li>
 * </ul>
 */
final class TaskRun {
  static final long WRITER_ID = 0x10000001L; // a 5-byte varint, like most random Yjs client ids
  static final long PEER_ID = 0x10000002L;
  static final long LOADER_ID = 0x10000003L;
  static final int MEMORY_SAMPLES = 3;
  /** Looked up once, here: the first lookup starts the management beans (tens of ms, not to be timed). */
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  double timeMs;
  double cpuMs;
  double encodeMs;
  double encodeV1Ms;
  double loadMs;
  double loadV1Ms;
  long memBytes;
  int updates;
  long updateBytes = -1;
  long suiteUpdateSize = -1;
  String problem;
  int docSizeV1;
  int docSizeV2;
  String sha256V1;
  String sha256V2;

  private Object expected;

  static TaskRun run(Task task) {
    TaskRun r = new TaskRun();
    Replica doc1;
    if (task instanceof B1Task b1) {
      doc1 = r.runB1(b1);
    } else if (task instanceof B2Task b2) {
      doc1 = r.runB2(b2);
    } else {
      doc1 = r.runB4((B4Task) task);
    }
    long start = System.nanoTime();
    byte[] v2 = doc1.doc.encodeStateAsUpdateV2();
    r.encodeMs = millisSince(start);
    start = System.nanoTime();
    byte[] v1 = doc1.doc.encodeStateAsUpdate();
    r.encodeV1Ms = millisSince(start);
    doc1 = null; // lets the GC before the loads collect the edited replicas
    r.measureLoads(v1, v2);
    return r;
  }

  private Replica runB1(B1Task task) {
    expected = task.expected();
    List<byte[]> received = new ArrayList<>();
    Replica doc2 = new Replica(PEER_ID);
    Replica doc1 = new Replica(WRITER_ID, received::add);
    fullGc();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    for (List<Op> step : task.steps()) {
      for (Op op : step) {
        doc1.apply(op);
      }
    }
    for (byte[] update : received) {
      doc2.doc.applyUpdateV2(update);
    }
    problem = firstNonNull(doc1.contentProblem(expected), doc2.contentProblem(expected));
    timeMs = millisSince(start);
    cpuMs = (processCpuNanos() - cpuStart) / 1e6;
    updates = received.size();
    updateBytes = received.stream().mapToLong(u -> u.length).sum();
    suiteUpdateSize = Math.round((double) updateBytes / task.steps().size());
    return doc1;
  }

  /** The suite's lib0 mutex: an update that a doc emits while applying the other's is not echoed. */
  private boolean forwarding;

  private void forward(Replica to, byte[] update) {
    if (forwarding) {
      return;
    }
    forwarding = true;
    try {
      updates++;
      updateBytes += update.length;
      to.doc.applyUpdateV2(update);
    } finally {
      forwarding = false;
    }
  }

  private Replica runB2(B2Task task) {
    updateBytes = 0;
    Replica[] docs = new Replica[2];
    docs[0] = new Replica(WRITER_ID, u -> forward(docs[1], u));
    docs[1] = new Replica(PEER_ID, u -> forward(docs[0], u));
    Replica doc1 = docs[0];
    Replica doc2 = docs[1];
    doc1.text.insert(0, task.initText());
    fullGc();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    doc1.doc.transact(t -> task.user1().forEach(doc1::apply));
    doc2.doc.transact(t -> task.user2().forEach(doc2::apply));
    String text1 = doc1.text.toString();
    String text2 = doc2.text.toString();
    if (!text1.equals(text2)) {
      problem = "the two users did not converge";
    } else if (task.expectedLength() >= 0 && text1.length() != task.expectedLength()) {
      problem = "length " + text1.length() + " != " + task.expectedLength();
    }
    timeMs = millisSince(start);
    cpuMs = (processCpuNanos() - cpuStart) / 1e6;
    expected = text2;
    suiteUpdateSize = Math.round(updateBytes / 2.0);
    return doc1;
  }

  private Replica runB4(B4Task task) {
    expected = task.expected();
    Replica doc1 = new Replica(WRITER_ID);
    fullGc();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    for (Op op : task.ops()) {
      doc1.apply(op);
    }
    problem = doc1.contentProblem(expected);
    timeMs = millisSince(start);
    cpuMs = (processCpuNanos() - cpuStart) / 1e6;
    updates = task.ops().size();
    return doc1;
  }

  private void measureLoads(byte[] v1, byte[] v2) {
    docSizeV1 = v1.length;
    docSizeV2 = v2.length;
    sha256V1 = HexFormat.of().formatHex(BenchInputs.sha256().digest(v1));
    sha256V2 = HexFormat.of().formatHex(BenchInputs.sha256().digest(v2));

    fullGc();
    long start = System.nanoTime();
    Replica loaded = new Replica(LOADER_ID);
    loaded.doc.applyUpdateV2(v2);
    loadMs = millisSince(start);
    String loadProblem = loaded.contentProblem(expected);
    loaded = null;

    fullGc();
    start = System.nanoTime();
    Replica loadedV1 = new Replica(LOADER_ID);
    loadedV1.doc.applyUpdate(v1);
    loadV1Ms = millisSince(start);
    String loadV1Problem = loadedV1.contentProblem(expected);
    loadedV1 = null;

    long[] samples = new long[MEMORY_SAMPLES];
    for (int i = 0; i < MEMORY_SAMPLES; i++) {
      samples[i] = memoryOfLoadedDoc(v2);
    }
    Arrays.sort(samples);
    memBytes = samples[MEMORY_SAMPLES / 2];

    if (problem == null && loadProblem != null) {
      problem = "loaded v2: " + loadProblem;
    }
    if (problem == null && loadV1Problem != null) {
      problem = "loaded v1: " + loadV1Problem;
    }
  }

  private static long memoryOfLoadedDoc(byte[] v2) {
    long base = heapUsedAfterGc();
    Replica held = new Replica(LOADER_ID);
    held.doc.applyUpdateV2(v2);
    long used = heapUsedAfterGc() - base;
    Reference.reachabilityFence(held);
    return used;
  }

  static void fullGc() {
    System.gc();
    System.gc();
  }

  static long heapUsedAfterGc() {
    fullGc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** CPU time of the whole JVM (the JIT compiler and GC threads too), as Node's process.cpuUsage(). */
  private static long processCpuNanos() {
    return OS.getProcessCpuTime();
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
