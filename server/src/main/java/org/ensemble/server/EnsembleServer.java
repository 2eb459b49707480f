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
import org.ensemble.server.auth.Revocations;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.cluster.ClusterConnectionQuota;
import org.ensemble.server.cluster.ClusterJobDirectory;
import org.ensemble.server.cluster.ClusterJobQuota;
import org.ensemble.server.cluster.ClusterNode;
import org.ensemble.server.cluster.ClusterNotices;
import org.ensemble.server.cluster.ClusterRooms;
import org.ensemble.server.cluster.FencedDocuments;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.generation.service.GenerationService;
import org.ensemble.server.generation.service.JobDirectory;
import org.ensemble.server.generation.service.JobQuota;
import org.ensemble.server.generation.service.LocalJobDirectory;
import org.ensemble.server.generation.service.LocalJobQuota;
import org.ensemble.server.audio.AudioExports;
import org.ensemble.server.http.ApiRouter;
import org.ensemble.server.http.StudioPages;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.projects.ChangeTimes;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.redis.RedisDocumentStore;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.ConnectionQuota;
import org.ensemble.server.sync.LocalConnectionQuota;
import org.ensemble.server.sync.LocalRooms;
import org.ensemble.server.sync.Origins;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.SyncEndpoint;
import org.ensemble.server.sync.UpdateGate;
import org.ensemble.server.history.Checkpoints;
import org.ensemble.server.history.Versions;
import org.ensemble.server.comments.Comments;
import org.ensemble.server.assignments.Assignments;

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
  /** Cluster mode's change notices to the other nodes; null on a single node. */
  private final ClusterNotices notices;

  private EnsembleServer(Vertx vertx, List<HttpServer> http, Rooms rooms, GenerationService generation,
                         AudioExports audio, long attributionTimer, DocumentStore documents, MetadataStore metadata,
                         List<String> deployments, ClusterNotices notices) {
    this.notices = notices;
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
    return start(vertx, config, documents, metadata, null);
  }

  /**
   * @param cluster this process's membership of a cluster (cluster mode: {@code documents} must be the
   *                Redis store, written through {@link FencedDocuments}), or null for a single node
   */
  public static Future<EnsembleServer> start(Vertx vertx, ServerConfig config, DocumentStore storeGiven,
                                             MetadataStore metadata, ClusterNode cluster) {
    Context main = vertx.getOrCreateContext();
    String secret;
    DocumentStore documents;
    try {
      secret = Secrets.jwtSecret(config);
      documents = cluster == null ? storeGiven : fenced(storeGiven);
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
    Revocations[] revocations = new Revocations[1];
    return deployed.compose(deploymentId -> Revocations.load(metadata, main)
        .map(revoked -> {
          tokens.checkRevocations(revoked);
          revocations[0] = revoked;
          return revoked;
        })
        .compose(revoked -> ProjectRegistry.load(metadata, main)).compose(registry -> {
      Attribution attribution = new Attribution(documents);
      // A room's collaborators, each behind its UpdateGate: the authorship ledger and the automatic
      // versions after a pause, and the time of each project's last change.
      Checkpoints checkpoints = new Checkpoints(vertx, config.checkpointPauseSeconds() * 1000L);
      ChangeTimes changeTimes = new ChangeTimes(vertx, metadata);
      UpdateGate.Factory roomHooks = UpdateGate.Factory.all(List.of(attribution, checkpoints, changeTimes));
      LocalRooms local = new LocalRooms(List.copyOf(shardContexts), documents, config.limits(), metrics, roomHooks);
      Future<ClusterNotices> noticesReady = cluster == null ? Future.succeededFuture()
          : ClusterNotices.start(cluster, registry, revocations[0]);
      Future<Rooms> roomsReady = cluster == null ? Future.succeededFuture(local)
          : noticesReady.compose(notices -> ClusterRooms.start(vertx, main, local, cluster, (FencedDocuments) documents,
              prometheus)).map(clustered -> (Rooms) clustered);
      Future<ConnectionQuota> quotaReady = cluster == null
          ? Future.succeededFuture(new LocalConnectionQuota(config.limits().maxConnectionsPerUser()))
          : ClusterConnectionQuota.start(cluster, config.limits().maxConnectionsPerUser()).map(q -> (ConnectionQuota) q);
      Future<JobDirectory> jobsReady = cluster == null ? Future.succeededFuture(new LocalJobDirectory())
          : ClusterJobDirectory.start(cluster).map(d -> (JobDirectory) d);
      int jobsPerUser = config.generation().perUser();
      Future<JobQuota> jobQuotaReady = cluster == null ? Future.succeededFuture(new LocalJobQuota(jobsPerUser))
          : ClusterJobQuota.start(cluster, jobsPerUser).map(q -> (JobQuota) q);
      return Future.all(roomsReady, quotaReady, jobsReady, jobQuotaReady).compose(ready -> {
        Rooms rooms = roomsReady.result();
        ConnectionQuota quota = quotaReady.result();
        JobDirectory jobs = jobsReady.result();
        Versions versions = new Versions(vertx, rooms, attribution, metadata);
        checkpoints.takeWith(versions);
        AttributionCache attributionCache = attribution.cache(vertx);
        long attributionTimer = vertx.setPeriodic(DROP_IDLE_ATTRIBUTION_EVERY_MS, id -> attributionCache.dropIdle());
        GenerationService generation = new GenerationService(vertx, rooms, config.generation(), jobs,
            jobQuotaReady.result());
        Projects projects = new Projects(vertx, registry, rooms, documents, attribution, attributionCache, versions,
            changeTimes);

        Router router = Router.router(vertx);
        SyncEndpoint sync = new SyncEndpoint(rooms, tokens, registry, config.limits(),
            new Origins(config.allowedOrigins()), metrics, quota);
        router.get("/sync/:projectId").handler(sync::handle);
        AudioExports audio = new AudioExports(vertx, config.soundFont());
        new ApiRouter(vertx, config, tokens, projects, rooms, attribution, attributionCache, generation, versions,
            new Comments(vertx, rooms), new Assignments(vertx, projects, rooms, attribution, metadata), metrics,
            prometheus, audio).mount(router);
        StudioPages.mount(router, config.webRoot());
        List<HttpServer> servers = new ArrayList<>();
        return vertx.deployVerticle(() -> new HttpListenerVerticle(router, serverOptions(config), servers),
                new DeploymentOptions().setInstances(shards))
            .map(listeners -> new EnsembleServer(vertx, List.copyOf(servers), rooms, generation, audio, attributionTimer,
                documents, metadata, List.of(listeners, deploymentId), noticesReady.result()));
      });
    }));
  }

  private static DocumentStore fenced(DocumentStore given) {
    if (!(given instanceof RedisDocumentStore redis)) {
      throw new IllegalArgumentException("cluster mode keeps projects in Redis; the embedded disk store belongs to one process");
    }
    return new FencedDocuments(redis);
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
        .eventually(() -> notices == null ? Future.succeededFuture() : notices.close())
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
