package org.ensemble.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The rooms' leases in a Hazelcast map, room id to {@link Lease}. Every method blocks on Hazelcast
 * (and a claim on Redis): call them on worker threads only. A lease counts while it has not expired
 * and its node is a member; otherwise the room is vacant and any node may claim it.
 */
final class RoomLeases {
  static final String MAP = "ensemble.room-leases";

  private final HazelcastInstance hazelcast;
  private final IMap<String, Lease> map;
  private final String nodeId;
  private final long leaseMillis;

  RoomLeases(HazelcastInstance hazelcast, String nodeId, long leaseMillis) {
    this.hazelcast = hazelcast;
    this.map = hazelcast.getMap(MAP);
    this.nodeId = nodeId;
    this.leaseMillis = leaseMillis;
  }

  /** The room's lease when it counts, else null. */
  Lease current(String roomId) {
    Lease lease = map.get(roomId);
    return counts(lease, members()) ? lease : null;
  }

  /** The leases that count among {@code roomIds} (absent: vacant). */
  Map<String, Lease> current(Set<String> roomIds) {
    Set<String> members = members();
    Map<String, Lease> out = new HashMap<>();
    map.getAll(roomIds).forEach((id, lease) -> {
      if (counts(lease, members)) {
        out.put(id, lease);
      }
    });
    return out;
  }

  /**
   * The room's owner: the lease that counts, or, when the room is vacant, a new lease of this node.
   * Claiming takes the map entry first (atomically, under epoch 0), then a new epoch from {@code
   * raiseFence} (which fences off every earlier owner's writes), then puts the epoch in the entry; a
   * node that loses the entry meanwhile tries again from the start.
   */
  Lease claim(String roomId, LongSupplier raiseFence) {
    while (true) {
      Lease seen = map.get(roomId);
      if (counts(seen, members())) {
        return seen;
      }
      Lease provisional = new Lease(nodeId, 0, now() + leaseMillis);
      boolean taken = seen == null ? map.putIfAbsent(roomId, provisional) == null : map.replace(roomId, seen, provisional);
      if (!taken) {
        continue;
      }
      Lease mine = new Lease(nodeId, raiseFence.getAsLong(), now() + leaseMillis);
      if (map.replace(roomId, provisional, mine)) {
        return mine;
      }
    }
  }

  /** Renews this node's leases; returns the rooms it no longer holds. */
  Set<String> renew(Map<String, Long> epochs) {
    if (epochs.isEmpty()) {
      return Set.of();
    }
    Map<String, Boolean> renewed = map.executeOnKeys(epochs.keySet(),
        new RenewLeases(nodeId, new HashMap<>(epochs), now() + leaseMillis));
    Set<String> lost = new HashSet<>();
    for (String id : epochs.keySet()) {
      if (!Boolean.TRUE.equals(renewed.get(id))) {
        lost.add(id);
      }
    }
    return lost;
  }

  /** Gives the room up, if this node still holds it under {@code epoch}. */
  void release(String roomId, long epoch) {
    Lease seen = map.get(roomId);
    if (seen != null && seen.nodeId().equals(nodeId) && seen.epoch() == epoch) {
      map.remove(roomId, seen);
    }
  }

  /** Rooms per node among the leases that count (for /health). */
  Map<String, Integer> roomsPerNode() {
    Set<String> members = members();
    Map<String, Integer> out = new HashMap<>();
    for (Lease lease : map.values()) {
      if (counts(lease, members)) {
        out.merge(lease.nodeId(), 1, Integer::sum);
      }
    }
    return out;
  }

  private boolean counts(Lease lease, Set<String> members) {
    return lease != null && lease.expiresAt() > now() && members.contains(lease.nodeId());
  }

  private Set<String> members() {
    Set<String> ids = new HashSet<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      ids.add(m.getUuid().toString());
    }
    return ids;
  }

  private long now() {
    return hazelcast.getCluster().getClusterTime();
  }
}
