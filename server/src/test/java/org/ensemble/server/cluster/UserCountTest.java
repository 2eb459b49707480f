package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cluster's count of one user's connections, as Hazelcast runs it on the user's entry. */
class UserCountTest {
  private final Map.Entry<String, HashMap<String, Integer>> entry = new AbstractMap.SimpleEntry<>("alice", null);

  @Test
  void countsOpeningsOnEveryNodeTogetherUpToTheLimit() {
    Set<String> members = Set.of("a", "b");
    assertTrue(UserCount.take("a", 3, members).process(entry));
    assertTrue(UserCount.take("b", 3, members).process(entry));
    assertTrue(UserCount.take("b", 3, members).process(entry));
    assertFalse(UserCount.take("a", 3, members).process(entry), "the fourth, on any node, is over the limit");
    assertEquals(Map.of("a", 1, "b", 2), entry.getValue());
  }

  @Test
  void aClosedConnectionFreesItsPlaceAndTheLastOneRemovesTheEntry() {
    Set<String> members = Set.of("a");
    UserCount.take("a", 1, members).process(entry);
    assertFalse(UserCount.take("a", 1, members).process(entry));
    assertTrue(UserCount.giveBack("a", members).process(entry));
    assertNull(entry.getValue(), "nothing left to count: the entry goes");
    assertTrue(UserCount.take("a", 1, members).process(entry));
  }

  @Test
  void connectionsOfANodeThatLeftStopCounting() {
    UserCount.take("a", 2, Set.of("a", "b")).process(entry);
    UserCount.take("b", 2, Set.of("a", "b")).process(entry);
    assertFalse(UserCount.take("a", 2, Set.of("a", "b")).process(entry));
    assertTrue(UserCount.take("a", 2, Set.of("a")).process(entry), "b died: its connection no longer counts");
    assertEquals(Map.of("a", 2), entry.getValue());
  }

  @Test
  void closingMoreThanWasOpenedNeverGoesBelowZero() {
    UserCount.giveBack("a", Set.of("a")).process(entry);
    assertNull(entry.getValue());
    assertTrue(UserCount.take("a", 1, Set.of("a")).process(entry));
    assertFalse(UserCount.take("a", 1, Set.of("a")).process(entry));
  }
}
