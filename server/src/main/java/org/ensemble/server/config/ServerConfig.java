package org.ensemble.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the server reads from its configuration, with named defaults: a JSON file (optional)
 * overridden by environment variables {@code ENSEMBLE_*}. No ports, paths or secrets in code.
 *
 * <pre>
 * {"host": "0.0.0.0", "port": 8080, "dataDir": "data", "store": "disk" | "redis",
 *  "redisUri": "redis://127.0.0.1:6379", "jwtSecret": "...", "devMode": true,
 *  "allowedOrigins": ["http://localhost:8080"], "limits": {"maxMessageBytes": 1048576, ...}}
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
    Limits limits) {

  public enum StoreKind { DISK, REDIS }

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_REDIS_URI = "redis://127.0.0.1:6379";

  /** Defaults for a developer's machine: embedded store in ./data, development sign-in on. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Path.of(DEFAULT_DATA_DIR), StoreKind.DISK, DEFAULT_REDIS_URI,
        null, true, List.of(), Limits.defaults());
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits);
  }

  public ServerConfig withDataDir(Path dir) {
    return new ServerConfig(host, port, dir, store, redisUri, jwtSecret, devMode, allowedOrigins, limits);
  }

  public ServerConfig withStore(StoreKind kind, String uri) {
    return new ServerConfig(host, port, dataDir, kind, uri, jwtSecret, devMode, allowedOrigins, limits);
  }

  public ServerConfig withDevMode(boolean dev) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, dev, allowedOrigins, limits);
  }

  public ServerConfig withJwtSecret(String secret) {
    return new ServerConfig(host, port, dataDir, store, redisUri, secret, devMode, allowedOrigins, limits);
  }

  public ServerConfig withAllowedOrigins(List<String> origins) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, List.copyOf(origins), limits);
  }

  public ServerConfig withLimits(Limits newLimits) {
    return new ServerConfig(host, port, dataDir, store, redisUri, jwtSecret, devMode, allowedOrigins, newLimits);
  }

  /** The defaults, overridden by {@code json} (may be empty), then by the environment. */
  public static ServerConfig from(JsonObject json, Map<String, String> env) {
    JsonObject j = json.copy();
    envOverride(j, env, "ENSEMBLE_HOST", "host", false);
    envOverride(j, env, "ENSEMBLE_PORT", "port", true);
    envOverride(j, env, "ENSEMBLE_DATA_DIR", "dataDir", false);
    envOverride(j, env, "ENSEMBLE_STORE", "store", false);
    envOverride(j, env, "ENSEMBLE_REDIS_URI", "redisUri", false);
    envOverride(j, env, "ENSEMBLE_JWT_SECRET", "jwtSecret", false);
    if (env.containsKey("ENSEMBLE_DEV_MODE")) {
      j.put("devMode", Boolean.parseBoolean(env.get("ENSEMBLE_DEV_MODE")));
    }
    if (env.containsKey("ENSEMBLE_ALLOWED_ORIGINS")) {
      j.put("allowedOrigins", new JsonArray(List.of(env.get("ENSEMBLE_ALLOWED_ORIGINS").split(","))));
    }
    ServerConfig d = defaults();
    JsonObject l = j.getJsonObject("limits", new JsonObject());
    Limits dl = d.limits;
    Limits limits = new Limits(
        l.getInteger("maxMessageBytes", dl.maxMessageBytes()),
        l.getLong("maxDocumentBytes", dl.maxDocumentBytes()),
        l.getInteger("maxMessagesPerSecond", dl.maxMessagesPerSecond()),
        l.getInteger("messageBurst", dl.messageBurst()),
        l.getInteger("maxConnectionsPerUser", dl.maxConnectionsPerUser()),
        l.getInteger("maxQueuedBytesPerConnection", dl.maxQueuedBytesPerConnection()));
    List<String> origins = new ArrayList<>();
    j.getJsonArray("allowedOrigins", new JsonArray()).forEach(o -> origins.add(String.valueOf(o).trim()));
    String store = j.getString("store", "disk").toUpperCase();
    return new ServerConfig(
        j.getString("host", d.host),
        j.getInteger("port", d.port),
        Path.of(j.getString("dataDir", d.dataDir.toString())),
        StoreKind.valueOf(store),
        j.getString("redisUri", d.redisUri),
        j.getString("jwtSecret", null),
        j.getBoolean("devMode", d.devMode),
        List.copyOf(origins),
        limits);
  }

  /**
   * How many event loops the server runs, each hosting a shard of the rooms and its own listener on
   * the port: {@code ENSEMBLE_EVENT_LOOPS}, else one per core but one. The core left over is for the
   * threads every edit also needs (the store's writer and its fsync, the garbage collector, the JIT
   * compiler); on a two-core machine one loop also means no edit crosses between loops.
   */
  public static int eventLoops(Map<String, String> env) {
    String v = env.get("ENSEMBLE_EVENT_LOOPS");
    int loops = v == null || v.isBlank() ? Math.max(1, Runtime.getRuntime().availableProcessors() - 1)
        : Integer.parseInt(v.trim());
    if (loops < 1) {
      throw new IllegalArgumentException("ENSEMBLE_EVENT_LOOPS must be at least 1: " + v);
    }
    return loops;
  }

  /**
   * How many journal fsyncs of the embedded store may run at once: {@code ENSEMBLE_DISK_SYNCS_IN_FLIGHT},
   * else {@value org.ensemble.server.store.disk.DiskStoreConfig#DEFAULT_SYNCS_IN_FLIGHT}. 1 suits a disk
   * that serves one flush at a time (a spinning disk); SSDs and virtual disks gain from several.
   */
  public static int diskSyncsInFlight(Map<String, String> env) {
    String v = env.get("ENSEMBLE_DISK_SYNCS_IN_FLIGHT");
    int syncs = v == null || v.isBlank() ? org.ensemble.server.store.disk.DiskStoreConfig.DEFAULT_SYNCS_IN_FLIGHT
        : Integer.parseInt(v.trim());
    if (syncs < 1) {
      throw new IllegalArgumentException("ENSEMBLE_DISK_SYNCS_IN_FLIGHT must be at least 1: " + v);
    }
    return syncs;
  }

  private static void envOverride(JsonObject j, Map<String, String> env, String var, String key, boolean integer) {
    String v = env.get(var);
    if (v != null && !v.isBlank()) {
      j.put(key, integer ? (Object) Integer.parseInt(v.trim()) : v.trim());
    }
  }
}
