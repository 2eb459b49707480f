package org.ensemble.server.cluster;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One change to what a user holds over the cluster (open connections, or generation jobs), run by
 * Hazelcast on the partition that holds the user's entry (node id to the count there), so that nodes
 * counting at once never lose a count. Nodes that are no longer members are dropped first: what a dead
 * node held stops counting. A taking (+1) is counted only under the limit and answers whether it was;
 * a giving back (-1) always is.
 */
final class UserCount implements EntryProcessor<String, HashMap<String, Integer>, Boolean>, Serializable {
  private static final long serialVersionUID = 1L;

  private final String nodeId;
  private final int delta;
  private final int limit;
  private final HashSet<String> members;

  private UserCount(String nodeId, int delta, int limit, Set<String> members) {
    this.nodeId = nodeId;
    this.delta = delta;
    this.limit = limit;
    this.members = new HashSet<>(members);
    this.members.add(nodeId);
  }

  static UserCount take(String nodeId, int limit, Set<String> members) {
    return new UserCount(nodeId, 1, limit, members);
  }

  static UserCount giveBack(String nodeId, Set<String> members) {
    return new UserCount(nodeId, -1, Integer.MAX_VALUE, members);
  }

  @Override
  public Boolean process(Map.Entry<String, HashMap<String, Integer>> entry) {
    HashMap<String, Integer> perNode = entry.getValue() == null ? new HashMap<>() : new HashMap<>(entry.getValue());
    perNode.keySet().retainAll(members);
    int total = perNode.values().stream().mapToInt(Integer::intValue).sum();
    boolean counted = delta < 0 || total < limit;
    if (counted) {
      int here = perNode.getOrDefault(nodeId, 0) + delta;
      if (here > 0) {
        perNode.put(nodeId, here);
      } else {
        perNode.remove(nodeId);
      }
    }
    entry.setValue(perNode.isEmpty() ? null : perNode);
    return counted;
  }
}
