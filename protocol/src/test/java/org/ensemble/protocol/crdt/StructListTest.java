package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gap buffer behind each client's structs behaves exactly like a list. */
class StructListTest {

  @Test
  void randomInsertsRemovalsAndSetsMatchAnArrayList() {
    Random rnd = new Random(3);
    StructList list = new StructList();
    List<AbstractStruct> expected = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      int op = rnd.nextInt(10);
      if (op < 6 || expected.isEmpty()) {
        int at = rnd.nextInt(expected.size() + 1);
        GC s = new GC(new ID(1, i), 1);
        list.add(at, s);
        expected.add(at, s);
      } else if (op < 8) {
        int from = rnd.nextInt(expected.size());
        int to = Math.min(expected.size(), from + 1 + rnd.nextInt(4));
        list.subList(from, to).clear();
        expected.subList(from, to).clear();
      } else {
        int at = rnd.nextInt(expected.size());
        GC s = new GC(new ID(2, i), 1);
        list.set(at, s);
        expected.set(at, s);
      }
      if (i % 997 == 0) {
        assertEquals(expected, list);
      }
    }
    assertEquals(expected.size(), list.size());
    for (int i = 0; i < expected.size(); i++) {
      assertSame(expected.get(i), list.get(i));
    }
    if (!expected.isEmpty()) {
      assertSame(expected.get(expected.size() - 1), list.last());
    }
  }
}
