package org.ensemble.server.store.disk;

import static org.ensemble.server.testing.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.server.testing.Await;
import org.ensemble.server.testing.Documents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends to a disk store as fast as it can ({@link AppendUntilKilled}) with
 * SIGKILL, then reopens the store and checks that every append the process saw acknowledged is there,
 * and that what is there is, per document, an unbroken run of updates (unacknowledged ones may be).
 */
class DiskStoreCrashIT {
  private static final int DOCUMENTS = 4;
  private static final int ROUNDS = 6;
  private static final int ACKS_BEFORE_KILL = 400;
  /** Values of round r start at r times this, so rounds on one directory stay apart. */
  private static final int ROUND_BASE = 1_000_000;
  private static final long NO_COMPACTION = 1L << 40;
  /** Small, so that the appends of one round compact many times and a kill often lands in one. */
  private static final long FREQUENT_COMPACTION = 1024;
  private static final String END_OF_OUTPUT = "";

  @TempDir
  Path directory;

  @Test
  void everyAcknowledgedAppendSurvivesAKill() throws Exception {
    crashRepeatedly(NO_COMPACTION);
  }

  @Test
  void everyAcknowledgedAppendSurvivesAKillWhileCompactionsRun() throws Exception {
    crashRepeatedly(FREQUENT_COMPACTION);
    assertTrue(fileKinds().contains("*.snap"), "no compaction ran: " + fileKinds());
  }

  private void crashRepeatedly(long compactionThreshold) throws Exception {
    Map<Integer, TreeSet<Integer>> acknowledged = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      runAndKill(compactionThreshold, round * ROUND_BASE, ACKS_BEFORE_KILL + 150 * round, acknowledged);
      // Temp files mean the kill caught a compaction between its first write and its last rename.
      System.out.printf("round %d: %d acknowledged so far, files after the kill: %s%n", round,
          acknowledged.values().stream().mapToInt(TreeSet::size).sum(), fileKinds());
      try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
          .withCompactionThreshold(compactionThreshold))) {
        for (int d = 0; d < DOCUMENTS; d++) {
          assertEveryAcknowledgedValueIsThere(store, d, acknowledged.get(d), round);
        }
      }
    }
  }

  private void runAndKill(long compactionThreshold, int base, int acksWanted,
      Map<Integer, TreeSet<Integer>> acknowledged) throws Exception {
    Path errors = directory.resolveSibling(directory.getFileName() + "-child-" + base + ".err");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        AppendUntilKilled.class.getName(),
        directory.toString(), String.valueOf(compactionThreshold), String.valueOf(DOCUMENTS),
        String.valueOf(base))
        .redirectError(errors.toFile())
        .start();
    try {
      BlockingQueue<String> lines = readLines(child);
      int acks = 0;
      long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
      while (acks < acksWanted) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null || line.equals(END_OF_OUTPUT)) {
          throw new AssertionError("the child stopped after " + acks + " acknowledgements: "
              + Files.readString(errors));
        }
        acks += record(line, acknowledged) ? 1 : 0;
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
          "the child outlived SIGKILL");
      // Acknowledgements printed before the kill and still in the pipe count too.
      for (String line = lines.take(); !line.equals(END_OF_OUTPUT); line = lines.take()) {
        record(line, acknowledged);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private String fileKinds() throws IOException {
    try (var files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString().replaceAll("^[a-z2-7]+", "*"))
          .sorted().toList().toString();
    }
  }

  /** Stdout, line by line, ending with {@link #END_OF_OUTPUT}; read on a thread of its own. */
  private static BlockingQueue<String> readLines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the process died; what was read is what counts
      } finally {
        lines.add(END_OF_OUTPUT);
      }
    }, "crash-test-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** Records an acknowledgement line; false for other lines (and a line the kill cut short). */
  private static boolean record(String line, Map<Integer, TreeSet<Integer>> acknowledged) {
    String[] parts = line.split(" ");
    if (parts.length != 2 || parts[1].isEmpty()) {
      return false;
    }
    try {
      int document = Integer.parseInt(parts[0]);
      int value = Integer.parseInt(parts[1]);
      acknowledged.computeIfAbsent(document, d -> new TreeSet<>()).add(value);
      return true;
    } catch (NumberFormatException torn) {
      return false;
    }
  }

  private static void assertEveryAcknowledgedValueIsThere(DiskDocumentStore store, int document,
      TreeSet<Integer> acknowledged, int rounds) throws Exception {
    Doc doc = Documents.rebuild(result(store.load(AppendUntilKilled.documentId(document))));
    assertFalse(doc.hasPendingUpdates(), "document " + document + " has a gap");
    List<Integer> stored = new ArrayList<>();
    for (Object value : doc.getArray(AppendUntilKilled.ARRAY).toArray()) {
      stored.add(((Number) value).intValue());
    }
    TreeSet<Integer> storedSet = new TreeSet<>(stored);
    assertEquals(stored.size(), storedSet.size(), "document " + document + " holds a value twice");
    for (int round = 0; round <= rounds; round++) {
      int base = round * ROUND_BASE;
      TreeSet<Integer> ofRound = new TreeSet<>(storedSet.subSet(base, base + ROUND_BASE));
      TreeSet<Integer> ackedOfRound = new TreeSet<>(acknowledged.subSet(base, base + ROUND_BASE));
      assertFalse(ackedOfRound.isEmpty(), "round " + round + " acknowledged nothing for " + document);
      assertTrue(ofRound.containsAll(ackedOfRound), "document " + document + " round " + round
          + " lost acknowledged values: " + difference(ackedOfRound, ofRound));
      // Per document the store keeps a prefix of what was appended: no holes.
      assertEquals(ofRound.last() - base + 1, ofRound.size(), "document " + document + " has a hole");
    }
  }

  private static TreeSet<Integer> difference(TreeSet<Integer> all, TreeSet<Integer> some) {
    TreeSet<Integer> missing = new TreeSet<>(all);
    missing.removeAll(some);
    return missing;
  }
}
