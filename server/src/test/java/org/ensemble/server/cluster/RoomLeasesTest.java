package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Room leases on one real Hazelcast member: claims, takeover of a dead node's or an expired lease, renewal, release. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomLeasesTest {
  private HazelcastInstance hazelcast;
  private String self;
  private final AtomicLong fence = new AtomicLong();

  @BeforeAll
  void start() {
    Config config = new Config().setClusterName("leases-test-" + System.nanoTime());
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast = Hazelcast.newHazelcastInstance(config);
    self = hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  @AfterAll
  void stop() {
    hazelcast.shutdown();
  }

  @Test
  void aVacantRoomIsClaimedUnderANewEpochAndThenAnswersItsOwner() {
    RoomLeases leases = new RoomLeases(hazelcast, self, 5_000);
    Lease mine = leases.claim("vacant", fence::incrementAndGet);
    assertEquals(self, mine.nodeId());
    assertEquals(fence.get(), mine.epoch());
    assertEquals(mine, leases.claim("vacant", fence::incrementAndGet), "a held room is not claimed again");
    assertEquals(mine, leases.current("vacant"));
  }

  @Test
  void aLeaseOfANodeThatIsNoLongerAMemberIsTakenOver() {
    hazelcast.<String, Lease>getMap(RoomLeases.MAP).put("orphan",
        new Lease("a-node-that-died", 7, System.currentTimeMillis() + 60_000));
    RoomLeases leases = new RoomLeases(hazelcast, self, 5_000);
    assertNull(leases.current("orphan"));
    Lease taken = leases.claim("orphan", fence::incrementAndGet);
    assertEquals(self, taken.nodeId());
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsHolderLearnsItLostTheRoom() {
    RoomLeases other = new RoomLeases(hazelcast, self, 1);
    Lease old = other.claim("expiring", fence::incrementAndGet);
    // Same member, another epoch: as a node that froze past its lease and then finds the room taken.
    hazelcast.<String, Lease>getMap(RoomLeases.MAP).put("expiring", new Lease(self, old.epoch(), 0));
    RoomLeases leases = new RoomLeases(hazelcast, self, 5_000);
    Lease taken = leases.claim("expiring", fence::incrementAndGet);
    assertEquals(old.epoch() + 1, taken.epoch());
    assertEquals(Set.of("expiring"), leases.renew(Map.of("expiring", old.epoch())), "the old epoch lost the room");
    assertEquals(Set.of(), leases.renew(Map.of("expiring", taken.epoch())));
  }

  @Test
  void aReleasedRoomIsVacantAndAStaleReleaseChangesNothing() {
    RoomLeases leases = new RoomLeases(hazelcast, self, 5_000);
    Lease mine = leases.claim("released", fence::incrementAndGet);
    leases.release("released", mine.epoch() - 1);
    assertEquals(mine, leases.current("released"), "a release under another epoch is ignored");
    leases.release("released", mine.epoch());
    assertNull(leases.current("released"));
    assertSame(null, hazelcast.getMap(RoomLeases.MAP).get("released"));
  }
}
