package org.ensemble.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.http.ApiRouter;
import org.ensemble.server.http.StudioPages;
import org.ensemble.server.metrics.DiskStoreMeters;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.Origins;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.SyncEndpoint;

/**
 * A running Ensemble server: the rooms on one shard per event loop, the sync endpoint, the REST API
 * and metrics on one HTTP port. {@link #start} composes the startup; {@link #close} ends connections
 * with "going away", then releases the stores.
 */
public final class EnsembleServer {
  private final Vertx vertx;
  private final List<HttpServer> http;
  private final Rooms rooms;
  private final DocumentStore documents;
  private final MetadataStore metadata;
  private final List<String> deployments;

  private EnsembleServer(Vertx vertx, List<HttpServer> http, Rooms rooms, DocumentStore documents, MetadataStore metadata,
                         List<String> deployments) {
    this.vertx = vertx;
    this.http = http;
    this.rooms = rooms;
    this.documents = documents;
    this.metadata = metadata;
    this.deployments = deployments;
  }

  public static Future<EnsembleServer> start(Vertx vertx, ServerConfig config, DocumentStore documents,
                                             MetadataStore metadata) {
    Context main = vertx.getOrCreateContext();
    String secret;
    try {
      secret = Secrets.jwtSecret(config);
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    Tokens tokens = new Tokens(vertx, secret);
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServerMetrics metrics = new ServerMetrics(prometheus);
    if (documents instanceof DiskDocumentStore disk) {
      DiskStoreMeters.bind(disk, prometheus);
    }
    List<Context> shardContexts = new ArrayList<>();
    // One shard per event loop (each shard verticle lands on its own loop).
    int shards = ServerConfig.eventLoops(System.getenv());
    Future<String> deployed = vertx.deployVerticle(() -> new RoomShardVerticle(shardContexts),
        new DeploymentOptions().setInstances(shards));
    return deployed.compose(deploymentId -> ProjectRegistry.load(metadata, main).compose(registry -> {
      Rooms rooms = new Rooms(List.copyOf(shardContexts), documents, config.limits(), metrics,
          new org.ensemble.server.attribution.Attribution(documents));
      Router router = Router.router(vertx);
      SyncEndpoint sync = new SyncEndpoint(rooms, tokens, registry, config.limits(),
          new Origins(config.allowedOrigins()), metrics);
      router.get("/sync/:projectId").handler(sync::handle);
      new ApiRouter(vertx, config, tokens, registry, rooms, documents, metrics, prometheus).mount(router);
      StudioPages.mount(router, System.getenv());
      List<HttpServer> servers = new ArrayList<>();
      return vertx.deployVerticle(() -> new HttpListenerVerticle(router, serverOptions(config), servers),
              new DeploymentOptions().setInstances(shards))
          .map(listeners -> new EnsembleServer(vertx, List.copyOf(servers), rooms, documents, metadata,
              List.of(listeners, deploymentId)));
    }));
  }

  private static HttpServerOptions serverOptions(ServerConfig config) {
    return new HttpServerOptions()
          .setHost(config.host())
          .setPort(config.port())
          // Messages over the configured limit get a named close code from the endpoint; the
          // transport's own limit only stops absurd sizes before they are buffered.
          .setMaxWebSocketMessageSize(config.limits().maxMessageBytes() * 2)
          .setMaxWebSocketFrameSize(Math.max(65536, config.limits().maxMessageBytes()))
          .addWebSocketSubProtocol(org.ensemble.server.sync.SyncEndpoint.SUBPROTOCOL); // token not in the URL
  }

  /** The rooms, for server-side edits (the AI's suggestions go through them). */
  public Rooms rooms() {
    return rooms;
  }

  /** The port the server listens on (the configured one, or the one picked for port 0). */
  public int port() {
    return http.get(0).actualPort();
  }

  public Future<Void> close() {
    return rooms.closeAll(CloseCodes.GOING_AWAY, "the server is shutting down")
        .compose(v -> Future.all(deployments.stream().map(vertx::undeploy).toList()))
        .andThen(ar -> {
          documents.close();
          metadata.close();
        })
        .mapEmpty();
  }
}
