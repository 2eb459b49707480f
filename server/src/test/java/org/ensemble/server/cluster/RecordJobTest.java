package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster's job directory keeps each job's latest change, whatever order the records arrive in. */
class RecordJobTest {
  @Test
  void aLaterChangeReplacesAnEarlierOneButNotTheOtherWayRound() {
    Map.Entry<String, JobEntry> entry = new AbstractMap.SimpleEntry<>("g1", null);
    JobEntry queued = new JobEntry("node-a", 1, "{\"status\":\"queued\"}");
    JobEntry running = new JobEntry("node-a", 2, "{\"status\":\"running\"}");
    assertTrue(new RecordJob(running).process(entry));
    assertFalse(new RecordJob(queued).process(entry), "the queued record arrived late");
    assertEquals(running, entry.getValue());
    JobEntry done = new JobEntry("node-a", 3, "{\"status\":\"done\"}");
    assertTrue(new RecordJob(done).process(entry));
    assertEquals(done, entry.getValue());
  }
}
