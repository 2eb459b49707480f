package org.ensemble.server.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ensemble.server.store.StoreException;

/**
 * A Lettuce client and its one connection (keys as UTF-8 strings, values as bytes). One connection
 * serves every thread: Lettuce pipelines the commands in the order they were issued, which is what
 * keeps appends to a document in order. Opening also reads the server's persistence settings and
 * logs what they mean for durability (see {@link RedisDocumentStore}).
 */
final class RedisConnection implements AutoCloseable {
  static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  private static final System.Logger LOG = System.getLogger(RedisConnection.class.getName());
  private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(5);
  /** Lettuce waits this long for its threads to go idle on shutdown by default; nothing is left by then. */
  private static final Duration SHUTDOWN_QUIET_PERIOD = Duration.ZERO;
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;

  private RedisConnection(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
    this.client = client;
    this.connection = connection;
  }

  /** Connects (blocking: call it at startup); a bad URI or an unreachable server is a StoreException. */
  static RedisConnection open(RedisStoreConfig config) {
    String uri = config.uri();
    RedisClient client;
    try {
      RedisURI redisUri = RedisURI.create(uri);
      redisUri.setTimeout(config.commandTimeout());
      client = RedisClient.create(redisUri);
    } catch (IllegalArgumentException | RedisException e) {
      throw new StoreException("not a Redis URI: " + uri + " (" + e.getMessage() + ")", e);
    }
    try {
      RedisConnection opened = new RedisConnection(client, client.connect(CODEC));
      opened.logDurability(uri);
      return opened;
    } catch (RedisException e) {
      client.shutdown(SHUTDOWN_QUIET_PERIOD, SHUTDOWN_TIMEOUT);
      throw new StoreException("cannot connect to Redis at " + uri + ": " + e.getMessage(), e);
    }
  }

  RedisAsyncCommands<String, byte[]> commands() {
    return connection.async();
  }

  private void logDurability(String uri) {
    Map<String, String> settings;
    try {
      settings = commands().configGet("appendonly", "appendfsync")
          .get(CONFIG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RedisException e) {
      LOG.log(System.Logger.Level.INFO, "cannot read the persistence settings of Redis at " + uri
          + " (" + e.getMessage() + "); make sure it runs with appendonly yes");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String appendOnly = settings.getOrDefault("appendonly", "?");
    String appendFsync = settings.getOrDefault("appendfsync", "?");
    if (!"yes".equals(appendOnly)) {
      LOG.log(System.Logger.Level.WARNING, "Redis at " + uri + " runs with appendonly " + appendOnly
          + ": acknowledged updates are lost when it restarts (use appendonly yes)");
    } else if (!"always".equals(appendFsync)) {
      LOG.log(System.Logger.Level.INFO, "Redis at " + uri + " runs with appendfsync " + appendFsync
          + ": a crash of its machine can lose about the last second of acknowledged updates"
          + " (appendfsync always closes that window)");
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(SHUTDOWN_QUIET_PERIOD, SHUTDOWN_TIMEOUT);
  }
}
