package org.ensemble.loadtest.run;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One context per event loop: {@code getOrCreateContext()} from a plain thread puts every context on
 * the same event loop, so the fleet deploys one empty verticle instance per loop and keeps their
 * contexts (Vert.x spreads the instances of a deployment over the loops).
 */
final class EventLoops {
  private EventLoops() {}

  static List<Context> contexts(Vertx vertx, int count) {
    List<Context> contexts = new ArrayList<>();
    try {
      vertx.deployVerticle(() -> new VerticleBase() {
        @Override
        public Future<?> start() {
          synchronized (contexts) {
            contexts.add(context);
          }
          return Future.succeededFuture();
        }
      }, new DeploymentOptions().setInstances(count)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the client event loops", e);
    }
    synchronized (contexts) {
      return List.copyOf(contexts);
    }
  }
}
