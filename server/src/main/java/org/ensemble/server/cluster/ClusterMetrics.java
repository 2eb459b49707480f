package org.ensemble.server.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** The cluster's meters on /metrics: ownership, relays, leases and the fence. */
final class ClusterMetrics {
  private final Counter ownershipChanges;
  private final Counter relayedFrames;
  private final Counter leaseRenewals;
  private final Counter fencedWrites;
  private final Counter stepDowns;

  ClusterMetrics(MeterRegistry registry, Supplier<Number> ownedRooms, Supplier<Number> members) {
    ownershipChanges = Counter.builder("ensemble_cluster_ownership_changes")
        .description("Rooms this node took ownership of").register(registry);
    relayedFrames = Counter.builder("ensemble_cluster_relayed_frames")
        .description("Frames relayed between this node and others").register(registry);
    leaseRenewals = Counter.builder("ensemble_cluster_lease_renewals")
        .description("Room leases this node renewed").register(registry);
    fencedWrites = Counter.builder("ensemble_cluster_fenced_writes")
        .description("Writes Redis refused because another node owns the room now").register(registry);
    stepDowns = Counter.builder("ensemble_cluster_step_downs")
        .description("Rooms this node gave up because it lost their lease or quorum").register(registry);
    Gauge.builder("ensemble_cluster_owned_rooms", ownedRooms).description("Rooms this node owns").register(registry);
    Gauge.builder("ensemble_cluster_members", members).description("Cluster members this node sees").register(registry);
  }

  void ownershipChanged() {
    ownershipChanges.increment();
  }

  void relayed() {
    relayedFrames.increment();
  }

  void renewed(int leases) {
    leaseRenewals.increment(leases);
  }

  void fenced() {
    fencedWrites.increment();
  }

  void steppedDown() {
    stepDowns.increment();
  }
}
