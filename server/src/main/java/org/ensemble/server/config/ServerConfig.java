package org.ensemble.server.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.server.store.disk.DiskStoreConfig;

/**
 * Every setting of the server, read in this one place: the defaults, overridden by the JSON
 * configuration file, overridden by environment variables ({@code ENSEMBLE_} and the key in upper
 * snake case). Each is listed, with its default and range, in docs/configuration.md. A bad value or
 * an unknown key stops the start with a {@link ConfigException} naming it.
 *
 * <pre>
 * {"host": "0.0.0.0", "port": 8080, "dataDir": "data", "store": "disk" | "redis",
 *  "redisUri": "redis://127.0.0.1:6379", "jwtSecret": "...", "devMode": true,
 *  "allowedOrigins": ["http://localhost:8080"], "eventLoops": 1, "diskSyncsInFlight": 4,
 *  "webRoot": "web/dist", "soundFont": "/usr/share/sounds/sf2/TimGM6mb.sf2", "webSocketDeflate": false, "generation": "off" | "lazy" | "eager", "generationModelDir": "models/chorale",
 *  "generationWorkers": 1, "generationQueue": 16, "generationPerUser": 2, "checkpointPauseSeconds": 60,
 *  "limits": {"maxMessageBytes": 1048576, ...},
 *  "cluster": {"enabled": false, "members": ["10.0.0.2:5701"], ...}}
 * </pre>
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    StoreKind store,
    String redisUri,
    String jwtSecret,
    boolean devMode,
    List<String> allowedOrigins,
    Limits limits,
    int eventLoops,
    int diskSyncsInFlight,
    Path webRoot,
    boolean webSocketDeflate,
    GenerationConfig generation,
    int checkpointPauseSeconds,
    ClusterConfig cluster,
    Path soundFont) {

  public enum StoreKind { DISK, REDIS }

  // webSocketDeflate: whether WebSockets accept permessage-deflate (off by default). Browsers always
  // offer it; accepted, every broadcast is compressed once per recipient (each connection keeps its
  // own zlib context) and inflated by every client, for messages of a few dozen bytes. With stock
  // clients it cost more server CPU and latency than it saved (load-tests/README.md, "permessage-deflate").

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_REDIS_URI = "redis://127.0.0.1:6379";
  /** Where {@code ./ensemble start} builds the studio, relative to the working directory. */
  public static final String DEFAULT_WEB_ROOT = "web/dist";
  /**
   * After this long without an edit a project gets an automatic version (a checkpoint): long enough
   * that a session's versions mark its pauses, not its keystrokes (docs/history.md).
   */
  public static final int DEFAULT_CHECKPOINT_PAUSE_SECONDS = 60;
  /**
   * The General MIDI SoundFont the studio plays and audio export renders with: Debian's
   * timgm6mb-soundfont (6 MB, SF2, so the JDK's synthesizer reads it too; installed by
   * scripts/install-test-deps.sh).
   */
  public static final String DEFAULT_SOUND_FONT = "/usr/share/sounds/sf2/TimGM6mb.sf2";
  private static final int MAX_EVENT_LOOPS = 1024;

  /** Defaults for a developer's machine: embedded store in ./data, development sign-in on. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Path.of(DEFAULT_DATA_DIR), StoreKind.DISK, DEFAULT_REDIS_URI,
        null, true, List.of(), Limits.defaults(), defaultEventLoops(), DiskStoreConfig.DEFAULT_SYNCS_IN_FLIGHT,
        Path.of(DEFAULT_WEB_ROOT), false, GenerationConfig.defaults(), DEFAULT_CHECKPOINT_PAUSE_SECONDS,
        ClusterConfig.defaults(), Path.of(DEFAULT_SOUND_FONT));
  }

  /**
   * One event loop per core but one, each hosting a shard of the rooms and its own listener on the
   * port. The core left over is for the threads every edit also needs (the store's writer and its
   * fsync, the garbage collector, the JIT compiler); on a two-core machine one loop also means no
   * edit crosses between loops.
   */
  static int defaultEventLoops() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withDataDir(Path dir) {
    return new ServerConfig(host, port, dir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withStore(StoreKind kind, String uri) {
    return new ServerConfig(host, port, dataDir, kind, uri, jwtSecret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withDevMode(boolean dev) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, dev, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withJwtSecret(String secret) {
    return new ServerConfig(host, port, dataDir, store, redisUri, secret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withAllowedOrigins(List<String> origins) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, List.copyOf(origins), limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withLimits(Limits newLimits) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, newLimits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, cluster, soundFont);
  }

  public ServerConfig withCheckpointPauseSeconds(int seconds) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, seconds, cluster, soundFont);
  }

  public ServerConfig withCluster(ClusterConfig newCluster) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, generation, checkpointPauseSeconds, newCluster, soundFont);
  }

  public ServerConfig withGeneration(GenerationConfig newGeneration) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits,
        eventLoops, diskSyncsInFlight, webRoot, webSocketDeflate, newGeneration, checkpointPauseSeconds, cluster, soundFont);
  }

  /**
   * The defaults, overridden by {@code json} (the configuration file, may be empty), then by the
   * environment. Throws a {@link ConfigException} naming the first bad setting.
   */
  public static ServerConfig from(JsonObject json, Map<String, String> env) {
    ServerConfig d = defaults();
    SettingsReader r = new SettingsReader(json, env);
    SettingsReader l = r.object("limits");
    Limits dl = d.limits;
    Limits limits = new Limits(
        l.integer("maxMessageBytes", dl.maxMessageBytes(), 1, Integer.MAX_VALUE / 2),
        l.number("maxDocumentBytes", dl.maxDocumentBytes(), 1, Long.MAX_VALUE),
        l.integer("maxMessagesPerSecond", dl.maxMessagesPerSecond(), 1, Integer.MAX_VALUE),
        l.integer("messageBurst", dl.messageBurst(), 1, Integer.MAX_VALUE),
        l.integer("maxConnectionsPerUser", dl.maxConnectionsPerUser(), 1, Integer.MAX_VALUE),
        l.integer("maxQueuedBytesPerConnection", dl.maxQueuedBytesPerConnection(), 1, Integer.MAX_VALUE));
    l.refuseUnknownKeys();
    GenerationConfig dg = d.generation;
    GenerationConfig generation = new GenerationConfig(
        r.choice("generation", GenerationConfig.Load.class, dg.load()),
        Path.of(r.string("generationModelDir", dg.modelDir().toString())),
        r.integer("generationWorkers", dg.workers(), 1, 64),
        r.integer("generationQueue", dg.queueCapacity(), 1, 100_000),
        r.integer("generationPerUser", dg.perUser(), 1, 1000));
    ServerConfig config = new ServerConfig(
        r.string("host", d.host),
        r.integer("port", d.port, 0, 65535),
        Path.of(r.string("dataDir", d.dataDir.toString())),
        r.choice("store", StoreKind.class, d.store),
        r.string("redisUri", d.redisUri),
        r.string("jwtSecret", null),
        r.bool("devMode", d.devMode),
        r.strings("allowedOrigins", List.of()),
        limits,
        r.integer("eventLoops", d.eventLoops, 1, MAX_EVENT_LOOPS),
        r.integer("diskSyncsInFlight", d.diskSyncsInFlight, 1, 1024),
        Path.of(r.string("webRoot", d.webRoot.toString())),
        r.bool("webSocketDeflate", d.webSocketDeflate),
        generation,
        r.integer("checkpointPauseSeconds", d.checkpointPauseSeconds, 1, 86_400),
        ClusterConfig.read(r.object("cluster")),
        Path.of(r.string("soundFont", d.soundFont.toString())));
    r.refuseUnknownKeys();
    if (config.cluster.enabled() && config.store != StoreKind.REDIS) {
      throw new ConfigException("cluster mode keeps projects in Redis: set \"store\" to redis (ENSEMBLE_STORE=redis); "
          + "the embedded disk store belongs to one process");
    }
    return config;
  }
}
