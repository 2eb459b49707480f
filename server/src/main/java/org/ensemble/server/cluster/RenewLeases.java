package org.ensemble.server.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Extends, in one call for all of a node's rooms, the leases the node still holds under the epochs it
 * knows; runs on the members that own the entries. Answers false for a room whose lease is gone or
 * another node's: the node has lost that room and must step down.
 */
final class RenewLeases implements EntryProcessor<String, Lease, Boolean> {
  private static final long serialVersionUID = 1L;

  private final String nodeId;
  private final Map<String, Long> epochs;
  private final long expiresAt;

  RenewLeases(String nodeId, Map<String, Long> epochs, long expiresAt) {
    this.nodeId = nodeId;
    this.epochs = epochs;
    this.expiresAt = expiresAt;
  }

  @Override
  public Boolean process(Map.Entry<String, Lease> entry) {
    Lease lease = entry.getValue();
    Long epoch = epochs.get(entry.getKey());
    if (lease == null || epoch == null || !lease.nodeId().equals(nodeId) || lease.epoch() != epoch) {
      return false;
    }
    entry.setValue(lease.renewedUntil(expiresAt));
    return true;
  }
}
