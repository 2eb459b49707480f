package org.ensemble.server.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records a generation job's state in the cluster's job directory unless a later change of it is
 * there already (records sent from several threads may arrive out of order). Run by Hazelcast on the
 * entry's partition; the entry lives {@link #KEPT_HOURS} hours after its last change.
 */
final class RecordJob implements EntryProcessor<String, JobEntry, Boolean> {
  private static final long serialVersionUID = 1L;
  static final long KEPT_HOURS = 6;

  private final JobEntry entry;

  RecordJob(JobEntry entry) {
    this.entry = entry;
  }

  @Override
  public Boolean process(Map.Entry<String, JobEntry> current) {
    JobEntry before = current.getValue();
    if (before != null && before.version() >= entry.version()) {
      return false;
    }
    if (current instanceof ExtendedMapEntry<String, JobEntry> extended) {
      extended.setValue(entry, KEPT_HOURS, TimeUnit.HOURS);
    } else {
      current.setValue(entry);
    }
    return true;
  }
}
