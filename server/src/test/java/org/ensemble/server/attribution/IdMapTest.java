package org.ensemble.server.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdMapTest {
  @Test
  void theFirstEntryToCoverAClockKeepsIt() {
    IdMap map = new IdMap();
    map.add(7, 10, 5, 0); // 10..14
    map.add(7, 0, 30, 1); // fills 0..9 and 15..29 only
    assertEquals(1, map.get(7, 0));
    assertEquals(1, map.get(7, 9));
    assertEquals(0, map.get(7, 10));
    assertEquals(0, map.get(7, 14));
    assertEquals(1, map.get(7, 15));
    assertEquals(1, map.get(7, 29));
    assertEquals(-1, map.get(7, 30));
    assertEquals(-1, map.get(8, 0));
    assertEquals(3, map.runCount());
  }

  @Test
  void adjacentRunsOfOneEntryMergeSoALongRunIsOneRun() {
    IdMap map = new IdMap();
    for (int i = 0; i < 10_000; i++) {
      map.add(3, i * 6, 6, 4);
    }
    assertEquals(1, map.runCount());
    assertEquals(4, map.get(3, 59_999));
    map.add(3, 60_000, 6, 5);
    assertEquals(2, map.runCount());
  }

  @Test
  void repeatsAddNothing() {
    IdMap map = new IdMap();
    map.add(1, 0, 10, 0);
    map.add(1, 2, 3, 1);
    map.add(1, 0, 10, 2);
    assertEquals(1, map.runCount());
    assertEquals(0, map.get(1, 3));
  }
}
