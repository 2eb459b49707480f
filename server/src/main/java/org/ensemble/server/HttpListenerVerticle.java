package org.ensemble.server;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * One listener on the server's port. The server deploys one instance per event loop; Vert.x shares
 * the port among the instances (a random one too, for port 0) and hands them connections in turn, so
 * the connections' I/O spreads over the loops instead of all landing on one.
 */
final class HttpListenerVerticle extends VerticleBase {
  private final Handler<HttpServerRequest> handler;
  private final HttpServerOptions options;
  private final List<HttpServer> listening;

  HttpListenerVerticle(Handler<HttpServerRequest> handler, HttpServerOptions options, List<HttpServer> listening) {
    this.handler = handler;
    this.options = options;
    this.listening = listening;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(options).requestHandler(handler).listen().onSuccess(server -> {
      synchronized (listening) {
        listening.add(server);
      }
    });
  }
}
