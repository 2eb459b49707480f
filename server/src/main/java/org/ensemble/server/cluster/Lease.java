package org.ensemble.server.cluster;

import java.io.Serializable;

/**
 * A node's ownership of one room: which node, under which epoch (the room's fence in Redis, raised at
 * every takeover), until when (cluster time, milliseconds). Epoch 0 marks a claim in progress: the node
 * holds the entry but has not raised the fence yet.
 */
public record Lease(String nodeId, long epoch, long expiresAt) implements Serializable {
  private static final long serialVersionUID = 1L;

  boolean claimed() {
    return epoch > 0;
  }

  Lease renewedUntil(long expiry) {
    return new Lease(nodeId, epoch, expiry);
  }
}
