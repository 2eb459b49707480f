package org.ensemble.protocol.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of the benchmarks B1 and B2 of dmonad/crdt-benchmarks, drawn exactly as the suite
 * (and {@code protocol/src/test/js/crdt-bench-inputs.mjs}) draws them: one {@code lib0} generator
 * seeded with 42, consumed in the suite's order (the 100-letter B2 start text first, then B1.1 to
 * B1.11, then B2.1 to B2.4), whichever tasks run. {@link #digest} lists a task's operations in the
 * line format of the JavaScript side, so that equal digests prove equal work.
 */
final class BenchInputs {
  static final int N = 6000;
  static final int SEED = 42;

  private BenchInputs() {}

  /** One edit; each is its own transaction unless the task groups them. */
  sealed interface Op permits Insert, Delete, ArrayInsert {}

  record Insert(int index, String text) implements Op {}

  record Delete(int index, int length) implements Op {}

  record ArrayInsert(int index, List<Integer> values) implements Op {}

  sealed interface Task permits B1Task, B2Task, B4Task {
    String id();

    String name();
  }

  /**
   * One client edits (each op of each step a transaction), a second one applies its updates.
   * {@code expected} is a String for the text tasks, a {@code List<Integer>} for the array tasks.
   */
  record B1Task(String id, String name, boolean array, List<List<Op>> steps, Object expected) implements Task {}

  /** Two synced clients each apply their ops in one transaction; expectedLength -1: not checked. */
  record B2Task(String id, String name, String initText, List<Op> user1, List<Op> user2, int expectedLength)
      implements Task {}

  /** The editing trace: one transaction per op. */
  record B4Task(String id, String name, List<Op> ops, String expected) implements Task {}

  static final Map<String, String> NAMES = names();

  private static Map<String, String> names() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("B1.1", "[B1.1] Append N characters");
    m.put("B1.2", "[B1.2] Insert string of length N");
    m.put("B1.3", "[B1.3] Prepend N characters");
    m.put("B1.4", "[B1.4] Insert N characters at random positions");
    m.put("B1.5", "[B1.5] Insert N words at random positions");
    m.put("B1.6", "[B1.6] Insert string, then delete it");
    m.put("B1.7", "[B1.7] Insert/Delete strings at random positions");
    m.put("B1.8", "[B1.8] Append N numbers");
    m.put("B1.9", "[B1.9] Insert Array of N numbers");
    m.put("B1.10", "[B1.10] Prepend N numbers");
    m.put("B1.11", "[B1.11] Insert N numbers at random positions");
    m.put("B2.1", "[B2.1] Concurrently insert string of length N at index 0");
    m.put("B2.2", "[B2.2] Concurrently insert N characters at random positions");
    m.put("B2.3", "[B2.3] Concurrently insert N words at random positions");
    m.put("B2.4", "[B2.4] Concurrently insert & delete");
    m.put("B4", "[B4] Apply real-world editing dataset");
    return Collections.unmodifiableMap(m);
  }

  private static String splice(String s, int index, String insert, int deleteCount) {
    return s.substring(0, index) + insert + s.substring(index + deleteCount);
  }

  private static List<List<Op>> oneOpSteps(List<? extends Op> ops) {
    List<List<Op>> steps = new ArrayList<>(ops.size());
    for (Op op : ops) {
      steps.add(List.of(op));
    }
    return steps;
  }

  private static List<Integer> randomNumbers(Lib0Prng gen) {
    List<Integer> numbers = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      numbers.add(gen.uint32(0, 0x7fffffff));
    }
    return numbers;
  }

  /** Every B1 and B2 task, by id, in the suite's order. */
  static Map<String, Task> generateRandomTasks() {
    Lib0Prng gen = new Lib0Prng(SEED);
    String initText = gen.word(100, 100);
    Map<String, Task> tasks = new LinkedHashMap<>();

    String s = gen.word(N, N);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      ops.add(new Insert(i, s.substring(i, i + 1)));
    }
    put(tasks, new B1Task("B1.1", NAMES.get("B1.1"), false, oneOpSteps(ops), s));
    s = gen.word(N, N);
    put(tasks, new B1Task("B1.2", NAMES.get("B1.2"), false, List.of(List.of(new Insert(0, s))), s));
    s = gen.word(N, N);
    ops = new ArrayList<>();
    for (int i = N - 1; i >= 0; i--) {
      ops.add(new Insert(0, s.substring(i, i + 1)));
    }
    put(tasks, new B1Task("B1.3", NAMES.get("B1.3"), false, oneOpSteps(ops), s));
    for (String id : List.of("B1.4", "B1.5")) {
      int min = id.equals("B1.4") ? 1 : 2;
      int max = id.equals("B1.4") ? 1 : 10;
      StringBuilder str = new StringBuilder();
      ops = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        int index = gen.int32(0, str.length());
        String insert = gen.word(min, max);
        str.insert(index, insert);
        ops.add(new Insert(index, insert));
      }
      put(tasks, new B1Task(id, NAMES.get(id), false, oneOpSteps(ops), str.toString()));
    }
    s = gen.word(N, N);
    put(tasks, new B1Task("B1.6", NAMES.get("B1.6"), false,
        List.of(List.of(new Insert(0, s), new Delete(0, s.length()))), ""));
    {
      StringBuilder str = new StringBuilder();
      ops = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        int index = gen.uint32(0, str.length());
        if (str.length() == index || gen.bool()) {
          String insert = gen.word(2, 10);
          str.insert(index, insert);
          ops.add(new Insert(index, insert));
        } else {
          int deleteCount = gen.uint32(1, Math.min(9, str.length() - index));
          str.delete(index, index + deleteCount);
          ops.add(new Delete(index, deleteCount));
        }
      }
      put(tasks, new B1Task("B1.7", NAMES.get("B1.7"), false, oneOpSteps(ops), str.toString()));
    }
    List<Integer> numbers = randomNumbers(gen);
    ops = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      ops.add(new ArrayInsert(i, List.of(numbers.get(i))));
    }
    put(tasks, new B1Task("B1.8", NAMES.get("B1.8"), true, oneOpSteps(ops), numbers));
    numbers = randomNumbers(gen);
    put(tasks, new B1Task("B1.9", NAMES.get("B1.9"), true, List.of(List.of(new ArrayInsert(0, numbers))), numbers));
    numbers = randomNumbers(gen);
    ops = new ArrayList<>();
    for (Integer x : numbers) {
      ops.add(new ArrayInsert(0, List.of(x)));
    }
    List<Integer> reversed = new ArrayList<>(numbers);
    Collections.reverse(reversed);
    put(tasks, new B1Task("B1.10", NAMES.get("B1.10"), true, oneOpSteps(ops), reversed));
    {
      List<Integer> list = new ArrayList<>();
      ops = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        int index = gen.uint32(0, list.size());
        int insert = gen.uint32(0, 0x7fffffff);
        list.add(index, insert);
        ops.add(new ArrayInsert(index, List.of(insert)));
      }
      put(tasks, new B1Task("B1.11", NAMES.get("B1.11"), true, oneOpSteps(ops), list));
    }

    String string1 = gen.word(N, N);
    String string2 = gen.word(N, N);
    put(tasks, new B2Task("B2.1", NAMES.get("B2.1"), initText,
        List.of(new Insert(0, string1)), List.of(new Insert(0, string2)), 2 * N + 100));
    List<Op> user1 = randomInserts(gen, initText, 1, 1);
    put(tasks, new B2Task("B2.2", NAMES.get("B2.2"), initText, user1, randomInserts(gen, initText, 1, 1), 2 * N + 100));
    user1 = randomInserts(gen, initText, 3, 9);
    put(tasks, new B2Task("B2.3", NAMES.get("B2.3"), initText, user1, randomInserts(gen, initText, 3, 9), -1));
    user1 = insertsAndDeletes(gen, initText);
    put(tasks, new B2Task("B2.4", NAMES.get("B2.4"), initText, user1, insertsAndDeletes(gen, initText), -1));
    return tasks;
  }

  private static void put(Map<String, Task> tasks, Task task) {
    tasks.put(task.id(), task);
  }

  private static List<Op> randomInserts(Lib0Prng gen, String initText, int min, int max) {
    StringBuilder str = new StringBuilder(initText);
    List<Op> ops = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      int index = gen.uint32(0, str.length());
      String insert = gen.word(min, max);
      str.insert(index, insert);
      ops.add(new Insert(index, insert));
    }
    return ops;
  }

  private static List<Op> insertsAndDeletes(Lib0Prng gen, String initText) {
    StringBuilder str = new StringBuilder(initText);
    List<Op> ops = new ArrayList<>(2 * N);
    for (int i = 0; i < N; i++) {
      int index = gen.uint32(0, str.length());
      String insert = gen.word(3, 9);
      str.insert(index, insert);
      ops.add(new Insert(index, insert));
      if (str.length() == index || gen.bool()) {
        String insert2 = gen.word(2, 10);
        str.insert(index, insert2);
        ops.add(new Insert(index, insert2));
      } else {
        int deleteCount = gen.uint32(1, Math.min(9, str.length() - index));
        str.delete(index, index + deleteCount);
        ops.add(new Delete(index, deleteCount));
      }
    }
    return ops;
  }

  private static String opLine(Op op) {
    if (op instanceof Insert ins) {
      return "ins " + ins.index() + " " + ins.text();
    }
    if (op instanceof Delete del) {
      return "del " + del.index() + " " + del.length();
    }
    ArrayInsert a = (ArrayInsert) op;
    StringBuilder sb = new StringBuilder("arr ").append(a.index()).append(' ');
    for (int i = 0; i < a.values().size(); i++) {
      sb.append(i > 0 ? "," : "").append(a.values().get(i));
    }
    return sb.toString();
  }

  /** sha256 (hex) of the task's operations in the line format of crdt-bench-inputs.mjs. */
  static String digest(Task task) {
    MessageDigest md = sha256();
    if (task instanceof B1Task b1) {
      for (List<Op> step : b1.steps()) {
        for (Op op : step) {
          line(md, opLine(op));
        }
        line(md, ".");
      }
    } else if (task instanceof B2Task b2) {
      line(md, "init " + b2.initText());
      line(md, "user1");
      b2.user1().forEach(op -> line(md, opLine(op)));
      line(md, "user2");
      b2.user2().forEach(op -> line(md, opLine(op)));
    } else {
      ((B4Task) task).ops().forEach(op -> line(md, opLine(op)));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void line(MessageDigest md, String line) {
    md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
