package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.protocol.lib0.Undefined;
import org.junit.jupiter.api.Test;

/** Observers, deep observers, transactions and update events. */
class ObserverTest {

  @Test
  void mapEventsNameTheChangedKeysWithTheirOldValues() {
    Doc d = new Doc();
    YMap m = d.getMap("m");
    m.set("a", 1);
    List<Map<String, KeyChange>> seen = new ArrayList<>();
    m.observe((event, txn) -> seen.add(event.keys()));
    d.transact(t -> {
      m.set("a", 2);
      m.set("b", 3);
    });
    m.delete("b");
    assertEquals(List.of(
        Map.of("a", new KeyChange("update", 1), "b", new KeyChange("add", Undefined.VALUE)),
        Map.of("b", new KeyChange("delete", 3))), seen);
  }

  @Test
  void arrayEventsDescribeTheChangeAsADelta() {
    Doc d = new Doc();
    YArray a = d.getArray("a");
    a.push(List.of(1, 2, 3, 4));
    List<Object> deltas = new ArrayList<>();
    a.observe((event, txn) -> deltas.add(event.delta()));
    d.transact(t -> {
      a.delete(1, 1);
      a.insert(2, List.of("x", "y"));
    });
    assertEquals(List.of(List.of(Map.of("retain", 1), Map.of("delete", 1), Map.of("retain", 1),
        Map.of("insert", List.of("x", "y")))), deltas);
  }

  @Test
  void insertedValuesAreTheDeltasInsertsWithoutWalkingTheList() {
    Doc local = new Doc();
    Doc remote = new Doc();
    local.onUpdate((update, origin, txn) -> remote.applyUpdate(update, "local"));
    YArray list = local.getArray("a");
    List<List<Object>> fromDelta = new ArrayList<>();
    List<List<Object>> inserted = new ArrayList<>();
    remote.getArray("a").observe((event, txn) -> {
      List<Object> values = new ArrayList<>();
      for (Map<String, Object> op : event.delta()) {
        if (op.get("insert") instanceof List<?> ins) {
          values.addAll(ins);
        }
      }
      fromDelta.add(sorted(values));
      inserted.add(sorted(event.insertedValues()));
    });
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      local.transact(t -> {
        for (int op = 0; op < 1 + random.nextInt(4); op++) {
          int length = list.length();
          if (length > 0 && random.nextInt(3) == 0) {
            int at = random.nextInt(length);
            list.delete(at, 1 + random.nextInt(Math.min(3, length - at)));
          } else {
            list.insert(random.nextInt(length + 1), List.of(random.nextInt(1000), random.nextInt(1000)));
          }
        }
      });
    }
    assertEquals(200, inserted.size());
    assertTrue(fromDelta.stream().anyMatch(v -> !v.isEmpty()));
    assertEquals(fromDelta, inserted);
  }

  private static List<Object> sorted(List<Object> values) {
    List<Object> copy = new ArrayList<>(values);
    copy.sort((x, y) -> Integer.compare((Integer) x, (Integer) y));
    return copy;
  }

  @Test
  void textEventsCarryFormattingAsRetainAttributes() {
    Doc d = new Doc();
    YText t = d.getText("t");
    t.insert(0, "abcdef");
    List<Object> deltas = new ArrayList<>();
    t.observe((event, txn) -> deltas.add(event.delta()));
    t.format(1, 2, Map.of("bold", true));
    t.insert(6, "!", Map.of("italic", true));
    assertEquals(List.of(
        List.of(Map.of("retain", 1), Map.of("retain", 2, "attributes", Map.of("bold", true))),
        List.of(Map.of("retain", 6), Map.of("insert", "!", "attributes", Map.of("italic", true)))), deltas);
  }

  @Test
  void deepObserversSeeNestedChangesWithPaths() {
    Doc d = new Doc();
    YMap root = d.getMap("project");
    YArray tracks = root.set("tracks", new YArray());
    YMap track = new YMap();
    tracks.push(List.of(track));
    List<List<Object>> paths = new ArrayList<>();
    root.observeDeep((events, txn) -> events.forEach(e -> paths.add(e.path())));
    track.set("name", "Alto");
    assertEquals(List.of(List.of("tracks", 0)), paths);
  }

  @Test
  void updateListenersGetOneUpdatePerTransactionWithItsOrigin() {
    Doc d = new Doc();
    List<Object> origins = new ArrayList<>();
    List<byte[]> updates = new ArrayList<>();
    d.onUpdate((u, origin, txn) -> {
      origins.add(origin);
      updates.add(u);
      assertTrue(txn.isLocal());
    });
    d.transact(t -> {
      d.getMap("m").set("a", 1);
      d.getText("t").insert(0, "x");
    }, "user-1");
    assertEquals(List.of("user-1"), origins);
    Doc other = new Doc();
    List<Boolean> local = new ArrayList<>();
    other.onUpdate((u, origin, txn) -> local.add(txn.isLocal()));
    other.applyUpdate(updates.get(0), "remote");
    assertEquals(List.of(false), local);
    assertEquals(Map.of("a", 1), other.getMap("m").toJSON());
  }

  @Test
  void transactionsNestIntoTheOutermost() {
    Doc d = new Doc();
    int[] updates = {0};
    d.onUpdate((u, o, t) -> updates[0]++);
    d.transact(outer -> d.transact(inner -> {
      assertSame(outer, inner);
      d.getArray("a").push(List.of(1));
    }));
    assertEquals(1, updates[0]);
  }

  @Test
  void oneFailingObserverDoesNotStarveTheOthers() {
    Doc d = new Doc();
    YMap m = d.getMap("m");
    List<Set<String>> seen = new ArrayList<>();
    m.observe((e, t) -> {
      throw new IllegalStateException("faulty observer");
    });
    m.observe((e, t) -> seen.add(e.keysChanged()));
    assertThrows(IllegalStateException.class, () -> m.set("k", 1));
    assertEquals(List.of(Set.of("k")), seen);
    assertEquals(1, m.get("k"));
  }

  @Test
  void unsubscribingStopsEvents() {
    Doc d = new Doc();
    List<Object> seen = new ArrayList<>();
    Subscription s = d.getArray("a").observe((e, t) -> seen.add(e));
    d.getArray("a").push(List.of(1));
    s.close();
    d.getArray("a").push(List.of(2));
    assertEquals(1, seen.size());
    assertFalse(seen.isEmpty());
  }
}
