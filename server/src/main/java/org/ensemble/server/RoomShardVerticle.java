package org.ensemble.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;

/**
 * An empty verticle whose only job is to own an event-loop context: the server deploys one per event
 * loop and hosts a shard of the rooms on each, so rooms spread over the cores.
 */
final class RoomShardVerticle extends VerticleBase {
  private final List<Context> contexts;

  RoomShardVerticle(List<Context> contexts) {
    this.contexts = contexts;
  }

  @Override
  public Future<?> start() {
    synchronized (contexts) {
      contexts.add(context);
    }
    return Future.succeededFuture();
  }
}
