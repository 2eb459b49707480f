package org.ensemble.server.store.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis stores. Start from {@link #defaults(String)} and change what differs.
 *
 * @param uri where Redis runs, {@code redis://[user:password@]host:port/db} (Lettuce's RedisURI syntax,
 *     {@code rediss://} for TLS)
 * @param keyPrefix put before every key the stores write, so that several deployments (or tests) can
 *     share a Redis; must not contain braces, which Redis Cluster reads as a hash tag
 * @param compactionThreshold a document's log is merged into its snapshot once its updates add up to
 *     this many bytes
 * @param maxRecordBytes the largest update (or metadata value) the stores accept
 * @param commandTimeout how long an operation waits for Redis (across reconnects) before it fails;
 *     also bounds how long {@code close} waits when Redis is gone
 */
public record RedisStoreConfig(
    String uri, String keyPrefix, long compactionThreshold, int maxRecordBytes, Duration commandTimeout) {
  public static final String DEFAULT_KEY_PREFIX = "ensemble:";
  public static final long DEFAULT_COMPACTION_THRESHOLD = 1024 * 1024;
  /** Above the server's largest WebSocket message, so the store is never the tighter limit. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
  /** Long enough to ride out a failover or a reconnect, short enough that a client hears of an outage. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

  public RedisStoreConfig {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
      throw new IllegalArgumentException("keyPrefix must not contain braces: " + keyPrefix);
    }
    if (compactionThreshold <= 0 || maxRecordBytes <= 0 || commandTimeout.isNegative()
        || commandTimeout.isZero()) {
      throw new IllegalArgumentException(
          "compactionThreshold, maxRecordBytes and commandTimeout must be positive");
    }
  }

  public static RedisStoreConfig defaults(String uri) {
    return new RedisStoreConfig(uri, DEFAULT_KEY_PREFIX, DEFAULT_COMPACTION_THRESHOLD,
        DEFAULT_MAX_RECORD_BYTES, DEFAULT_COMMAND_TIMEOUT);
  }

  public RedisStoreConfig withKeyPrefix(String prefix) {
    return new RedisStoreConfig(uri, prefix, compactionThreshold, maxRecordBytes, commandTimeout);
  }

  public RedisStoreConfig withCompactionThreshold(long bytes) {
    return new RedisStoreConfig(uri, keyPrefix, bytes, maxRecordBytes, commandTimeout);
  }

  public RedisStoreConfig withMaxRecordBytes(int bytes) {
    return new RedisStoreConfig(uri, keyPrefix, compactionThreshold, bytes, commandTimeout);
  }

  public RedisStoreConfig withCommandTimeout(Duration timeout) {
    return new RedisStoreConfig(uri, keyPrefix, compactionThreshold, maxRecordBytes, timeout);
  }
}
