package org.ensemble.loadtest.run;

import java.util.List;
import org.ensemble.loadtest.client.LoadClient;
import org.ensemble.loadtest.client.LoadClient.Snapshot;

/**
 * The end-of-run check: every full client of a room holds the same state vector, nothing pending, and
 * the same document JSON, and holds every edit the room's probes wrote. Waits (bounded) for the last
 * updates to arrive first.
 */
public final class Convergence {
  static final long POLL_MS = 250;

  private Convergence() {}

  /** The outcome: how many rooms converged and, if some did not, the first difference found. */
  public record Outcome(int rooms, int converged, String firstProblem, long drainMillis) {
    public boolean ok() {
      return rooms == converged;
    }
  }

  public static Outcome await(Fleet fleet, long timeoutMs) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeoutMs * 1_000_000;
    while (true) {
      Outcome o = check(fleet, false);
      if (o.ok() || System.nanoTime() > deadline) {
        Outcome full = check(fleet, true);
        return new Outcome(full.rooms, full.converged, full.firstProblem, (System.nanoTime() - start) / 1_000_000);
      }
      Thread.sleep(POLL_MS); // polling many clients' documents; nothing notifies "all equal"
    }
  }

  private static Outcome check(Fleet fleet, boolean compareJson) throws InterruptedException {
    int converged = 0;
    String problem = null;
    List<List<LoadClient>> rooms = fleet.rooms();
    for (List<LoadClient> room : rooms) {
      List<Snapshot> snaps = fleet.each(room, LoadClient::snapshot);
      String p = compare(room, snaps, compareJson);
      if (p == null) {
        converged++;
      } else if (problem == null) {
        problem = p;
      }
    }
    return new Outcome(rooms.size(), converged, problem, 0);
  }

  private static String compare(List<LoadClient> room, List<Snapshot> snaps, boolean compareJson) {
    Snapshot first = snaps.get(0);
    String where = "room " + room.get(0).spec().room();
    if (first == null) {
      return where + ": client " + room.get(0).spec().name() + " did not answer";
    }
    for (int i = 0; i < snaps.size(); i++) {
      Snapshot s = snaps.get(i);
      String who = where + ", client " + room.get(i).spec().name();
      if (s == null) {
        return who + " did not answer";
      }
      if (s.probe()) {
        // A probe holds its own edits only; the room's full client, which received everything
        // through the server, must hold all of them.
        if (first.vector().get(s.clientId()) < s.ownClock()) {
          return who + " (a probe) wrote up to clock " + s.ownClock() + ", the room's full client has "
              + first.vector().get(s.clientId());
        }
        continue;
      }
      if (s.pending()) {
        return who + " has pending updates";
      }
      if (!s.stateVector().equals(first.stateVector())) {
        return who + ": state vector " + s.stateVector() + " differs from " + first.stateVector();
      }
      if (compareJson && !s.json().equals(first.json())) {
        return who + ": same state vector but a different document";
      }
    }
    return null;
  }
}
