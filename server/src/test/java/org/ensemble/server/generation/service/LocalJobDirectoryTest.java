package org.ensemble.server.generation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** One server's jobs: the latest change of each, the last thousand jobs. */
class LocalJobDirectoryTest {
  private final LocalJobDirectory directory = new LocalJobDirectory();

  private String status(String jobId) {
    return directory.find(jobId).result().orElseThrow().getString("status");
  }

  @Test
  void keepsEachJobsLatestChangeWhateverOrderTheyArriveIn() {
    directory.record("g1", 2, new JsonObject().put("status", "running"));
    directory.record("g1", 1, new JsonObject().put("status", "queued"));
    assertEquals("running", status("g1"));
    directory.record("g1", 3, new JsonObject().put("status", "done"));
    assertEquals("done", status("g1"));
    assertEquals("done", directory.cancelElsewhere("g1").result().orElseThrow().getString("status"),
        "one server: a job not running here is finished, and cancelling it changes nothing");
    assertTrue(directory.find("nope").result().isEmpty());
  }

  @Test
  void forgetsTheOldestJobsBeyondTheLastThousand() {
    for (int i = 0; i <= LocalJobDirectory.KEPT_JOBS; i++) {
      directory.record("g" + i, 1, new JsonObject().put("status", "done"));
    }
    assertTrue(directory.find("g0").result().isEmpty(), "the oldest went");
    assertEquals("done", status("g1"));
    assertEquals("done", status("g" + LocalJobDirectory.KEPT_JOBS));
  }
}
