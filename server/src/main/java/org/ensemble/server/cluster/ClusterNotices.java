package org.ensemble.server.cluster;

import com.hazelcast.cluster.Member;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.ensemble.server.auth.Revocations;
import org.ensemble.server.registry.ProjectRegistry;

/**
 * Keeps every node's in-memory project records and token revocations current: a change made through
 * one node is told to every other node, which reloads it from the shared store, and the change is
 * answered only once they all have (or did not answer within the timeout, being gone). So a viewer
 * demoted through node A cannot write through node B a moment later.
 */
public final class ClusterNotices {
  private static final Logger LOG = Logger.getLogger(ClusterNotices.class.getName());
  private static final String KIND = "kind";
  private static final String ID = "id";
  private static final String PROJECT = "project";
  private static final String REVOKED = "revoked";
  private static final long TIMEOUT_MS = 3_000;

  private final ClusterNode node;
  private final EventBus bus;
  private final MessageConsumer<Buffer> consumer;

  private ClusterNotices(ClusterNode node, ProjectRegistry registry, Revocations revocations) {
    this.node = node;
    this.bus = node.vertx().eventBus();
    this.consumer = bus.<Buffer>consumer(address(node.id()), message -> {
      String id = message.headers().get(ID);
      Future<Void> reloaded = REVOKED.equals(message.headers().get(KIND)) ? revocations.reload(id) : registry.reload(id);
      reloaded.onComplete(ar -> message.reply(Buffer.buffer()));
    });
    registry.onChange(id -> tellOthers(PROJECT, id));
    revocations.onChange(id -> tellOthers(REVOKED, id));
  }

  public static Future<ClusterNotices> start(ClusterNode node, ProjectRegistry registry, Revocations revocations) {
    ClusterNotices notices = new ClusterNotices(node, registry, revocations);
    return notices.consumer.completion().map(notices);
  }

  private static String address(String nodeId) {
    return "ensemble.notices." + nodeId;
  }

  private Future<Void> tellOthers(String kind, String id) {
    List<Future<?>> told = new ArrayList<>();
    for (Member m : node.hazelcast().getCluster().getMembers()) {
      String other = m.getUuid().toString();
      if (!other.equals(node.id())) {
        told.add(bus.request(address(other), Buffer.buffer(), new DeliveryOptions().setSendTimeout(TIMEOUT_MS)
            .addHeader(KIND, kind).addHeader(ID, id)).onFailure(e -> LOG.warning("node " + other
            + " did not confirm a change of " + kind + " " + id + ": " + e.getMessage())));
      }
    }
    return Future.join(told).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  public Future<Void> close() {
    return consumer.unregister();
  }
}
