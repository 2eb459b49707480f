package org.ensemble.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;
import org.ensemble.protocol.crdt.UpdateContents;
import org.junit.jupiter.api.Test;

/** Several collaborators of a room behind one gate: refusals, durability and the applied hook. */
class UpdateGatesTest {

  /** A collaborator that refuses when told to, records into a promise the test completes, and logs. */
  private static final class Collaborator implements UpdateGate {
    final String name;
    final List<String> log;
    String refusal;
    final List<Promise<Void>> records = new ArrayList<>();

    Collaborator(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    @Override
    public String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock) {
      log.add(name + " check");
      return refusal;
    }

    @Override
    public Future<Void> record(RoomConnection from, UpdateContents contents) {
      Promise<Void> p = Promise.promise();
      records.add(p);
      return p.future();
    }

    @Override
    public void applied(RoomConnection from, byte[] update) {
      log.add(name + " applied " + update.length);
    }
  }

  @Test
  void collaboratorsPlugInSideBySide() {
    List<String> log = new ArrayList<>();
    Collaborator ledger = new Collaborator("ledger", log);
    Collaborator relay = new Collaborator("relay", log);
    UpdateGate.Factory factory = UpdateGate.Factory.all(List.of(
        (p, c) -> Future.succeededFuture(ledger), (p, c) -> Future.succeededFuture(relay)));
    UpdateGate gate = factory.open("p", null).result();

    assertNull(gate.check(null, null, client -> 0));
    assertEquals(List.of("ledger check", "relay check"), log);
    relay.refusal = "not on this node";
    ledger.refusal = "forged client id";
    log.clear();
    assertEquals("forged client id", gate.check(null, null, client -> 0), "the first refusal, in order");
    assertEquals(List.of("ledger check"), log, "later gates are not asked once one refused");

    Future<Void> recorded = gate.record(null, null);
    ledger.records.get(0).complete();
    assertFalse(recorded.isComplete(), "durable only once every collaborator has recorded it");
    relay.records.get(0).complete();
    assertTrue(recorded.succeeded());

    log.clear();
    gate.applied(null, new byte[3]);
    assertEquals(List.of("ledger applied 3", "relay applied 3"), log);
  }

  @Test
  void oneCollaboratorIsItself() {
    UpdateGate.Factory only = (p, c) -> Future.succeededFuture(UpdateGate.OPEN);
    assertSame(only, UpdateGate.Factory.all(List.of(only)));
  }
}
