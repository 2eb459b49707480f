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
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.attribution.AttributionCache;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.generation.service.GenerationService;
import org.ensemble.server.audio.AudioExports;
import org.ensemble.server.http.ApiRouter;
import org.ensemble.server.http.StudioPages;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.LocalRooms;
import org.ensemble.server.sync.Origins;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.SyncEndpoint;
import org.ensemble.server.sync.UpdateGate;

/**
 * A running Ensemble server and the composition root: {@link #start} builds every service once (the
 * project registry, the rooms on one shard per event loop, attribution and its cache, the AI
 * co-writer, metrics), then the sync endpoint, the REST API and the studio's pages on one HTTP port;
 * {@link #close} closes them in reverse order: connections end with "going away", the co-writer stops
 * its workers and closes its predictors and model, the listeners go, and the stores are released.
 */
public final class EnsembleServer {
  /** How often the attribution cache drops projects nobody asked about lately. */
  private static final long DROP_IDLE_ATTRIBUTION_EVERY_MS = 60_000;

  private final Vertx vertx;
  private final List<HttpServer> http;
  private final Rooms rooms;
  private final GenerationService generation;
  private final AudioExports audio;
  private final long attributionTimer;
  private final DocumentStore documents;
  private final MetadataStore metadata;
  private final List<String> deployments;

  private EnsembleServer(Vertx vertx, List<HttpServer> http, Rooms rooms, GenerationService generation,
                         AudioExports audio, long attributionTimer, DocumentStore documents, MetadataStore metadata,
                         List<String> deployments) {
    this.vertx = vertx;
    this.http = http;
    this.rooms = rooms;
    this.generation = generation;
    this.audio = audio;
    this.attributionTimer = attributionTimer;
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
    documents.bindMeters(prometheus);
    List<Context> shardContexts = new ArrayList<>();
    // One shard per event loop (each shard verticle lands on its own loop).
    int shards = config.eventLoops();
    Future<String> deployed = vertx.deployVerticle(() -> new RoomShardVerticle(shardContexts),
        new DeploymentOptions().setInstances(shards));
    return deployed.compose(deploymentId -> org.ensemble.server.auth.Revocations.load(metadata, main)
        .map(revocations -> { tokens.checkRevocations(revocations); return revocations; })
        .compose(revoked -> ProjectRegistry.load(metadata, main)).compose(registry -> {
      Attribution attribution = new Attribution(documents);
      // A room's collaborators, each behind its UpdateGate: the authorship ledger (relays to other
      // nodes would join it here).
      UpdateGate.Factory roomHooks = UpdateGate.Factory.all(List.of(attribution));
      Rooms rooms = new LocalRooms(List.copyOf(shardContexts), documents, config.limits(), metrics, roomHooks);
      AttributionCache attributionCache = attribution.cache(vertx);
      long attributionTimer = vertx.setPeriodic(DROP_IDLE_ATTRIBUTION_EVERY_MS, id -> attributionCache.dropIdle());
      GenerationService generation = new GenerationService(vertx, rooms, config.generation());
      Projects projects = new Projects(vertx, registry, rooms, documents, attribution, attributionCache);

      Router router = Router.router(vertx);
      SyncEndpoint sync = new SyncEndpoint(rooms, tokens, registry, config.limits(),
          new Origins(config.allowedOrigins()), metrics);
      router.get("/sync/:projectId").handler(sync::handle);
      AudioExports audio = new AudioExports(vertx, config.soundFont());
      new ApiRouter(vertx, config, tokens, projects, rooms, attribution, attributionCache, generation, metrics,
          prometheus, audio).mount(router);
      StudioPages.mount(router, config.webRoot());
      List<HttpServer> servers = new ArrayList<>();
      return vertx.deployVerticle(() -> new HttpListenerVerticle(router, serverOptions(config), servers),
              new DeploymentOptions().setInstances(shards))
          .map(listeners -> new EnsembleServer(vertx, List.copyOf(servers), rooms, generation, audio, attributionTimer,
              documents, metadata, List.of(listeners, deploymentId)));
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
          // Vert.x accepts permessage-deflate unless told not to; see ServerConfig.webSocketDeflate.
          .setPerMessageWebSocketCompressionSupported(config.webSocketDeflate())
          .setPerFrameWebSocketCompressionSupported(false)
          .addWebSocketSubProtocol(org.ensemble.server.sync.SyncEndpoint.SUBPROTOCOL); // token not in the URL
  }

  /** The rooms, for server-side edits (the AI's suggestions go through them). */
  public Rooms rooms() {
    return rooms;
  }

  /** The AI co-writer's service (its model's state). */
  public GenerationService generation() {
    return generation;
  }

  /** The port the server listens on (the configured one, or the one picked for port 0). */
  public int port() {
    return http.get(0).actualPort();
  }

  /** Closes what {@link #start} built, in reverse order; the stores last, whatever failed before. */
  public Future<Void> close() {
    return rooms.closeAll(CloseCodes.GOING_AWAY, "the server is shutting down")
        .eventually(() -> generation.close())
        .andThen(ar -> audio.close())
        .eventually(() -> {
          vertx.cancelTimer(attributionTimer);
          return Future.all(deployments.stream().map(vertx::undeploy).toList());
        })
        .andThen(ar -> {
          documents.close();
          metadata.close();
        })
        .mapEmpty();
  }
}
