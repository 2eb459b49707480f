package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ensemble.server.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * A broadcast to several clients relayed from one edge travels once with their ids; what is sent to
 * one connection, its close included, keeps its order.
 */
class EdgeOutboxTest {

  @Test
  void aBroadcastTravelsOnceAndEachConnectionKeepsItsOrder() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      List<String> received = new CopyOnWriteArrayList<>();
      vertx.eventBus().<Buffer>consumer(Relay.address("edge"), m -> received.add(m.headers().get(Relay.OP) + " "
          + m.headers().get(Relay.CONNECTION) + " " + m.body().toString())).completion().await();
      EdgeOutbox outbox = new EdgeOutbox("edge", vertx.eventBus(),
          new ClusterMetrics(new SimpleMeterRegistry(), () -> 0, () -> 1));
      byte[] broadcast = "update".getBytes();
      vertx.runOnContext(v -> {
        outbox.send("ws-1", "only-for-1".getBytes());
        for (String c : List.of("ws-1", "ws-2", "ws-3")) {
          outbox.send(c, broadcast); // one array for all, as a room's broadcast
        }
        outbox.send("ws-2", "denied".getBytes());
        outbox.close("ws-2", (short) 4403, "forged");
        outbox.send("ws-3", broadcast);
      });
      Eventually.await(() -> received.size() == 5, () -> "received " + received);
      assertEquals(List.of("send ws-1 only-for-1", "send ws-1,ws-2,ws-3 update", "send ws-2 denied", "close ws-2 ",
          "send ws-3 update"), received);
    } finally {
      vertx.close().await();
    }
  }
}
