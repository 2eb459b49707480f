package org.ensemble.server.cluster;

import java.io.Serializable;

/**
 * A generation job as the cluster's job directory keeps it: the node that runs it, the number of its
 * last change, and its state as the API shows it (JSON text).
 */
record JobEntry(String nodeId, long version, String state) implements Serializable {
  private static final long serialVersionUID = 1L;
}
