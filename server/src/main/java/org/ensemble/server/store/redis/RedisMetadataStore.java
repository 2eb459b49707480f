package org.ensemble.server.store.redis;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.StoreException;

/**
 * The metadata store on Redis: a string per key and a sorted set of all keys (score 0, so Redis
 * orders them by bytes and ZRANGEBYLEX lists a prefix); see {@link RedisKeys}. A put or delete changes
 * both in one Lua script. Durability as described in {@link RedisDocumentStore}.
 */
public final class RedisMetadataStore implements MetadataStore {
  /** Close waits for operations a little longer than they can take. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);
  /** Above every byte of UTF-8, so {@code prefix + 0xFF} bounds the keys that start with prefix. */
  private static final byte AFTER_UTF8 = (byte) 0xFF;

  /** KEYS[1] the value's key, KEYS[2] the index; ARGV[1] the value, ARGV[2] the key as a member. */
  private static final RedisScript PUT = new RedisScript("""
      redis.call('SET', KEYS[1], ARGV[1])
      redis.call('ZADD', KEYS[2], 0, ARGV[2])
      return 1
      """, ScriptOutputType.INTEGER);

  /** KEYS as for PUT; ARGV[1] the key as a member. */
  private static final RedisScript DELETE = new RedisScript("""
      redis.call('DEL', KEYS[1])
      redis.call('ZREM', KEYS[2], ARGV[1])
      return 1
      """, ScriptOutputType.INTEGER);

  private final RedisStoreConfig config;
  private final RedisConnection connection;
  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisKeys keys;
  private final Operations operations =
      new Operations("Redis metadata store", "ensemble-redis-metadata-completion");

  private RedisMetadataStore(RedisStoreConfig config, RedisConnection connection) {
    this.config = config;
    this.connection = connection;
    this.redis = connection.commands();
    this.keys = new RedisKeys(config.keyPrefix());
  }

  /** Connects to the Redis of {@code config.uri()}; blocks while connecting (call it at startup). */
  public static RedisMetadataStore connect(RedisStoreConfig config) {
    return new RedisMetadataStore(config, RedisConnection.open(config));
  }

  @Override
  public CompletionStage<Optional<byte[]>> get(String key) {
    return operations.start("reading key '" + key + "'",
        () -> redis.get(keys.metadata(key)).thenApply(Optional::ofNullable));
  }

  @Override
  public CompletionStage<Void> put(String key, byte[] value) {
    if (value.length > config.maxRecordBytes()) {
      return CompletableFuture.failedStage(new StoreException("a value of " + value.length
          + " bytes is larger than the " + config.maxRecordBytes() + " bytes the store accepts"));
    }
    // In order: two puts of one key must land as they were called.
    return operations.start("writing key '" + key + "'",
        () -> PUT.<Long>runInOrder(redis, scriptKeys(key), value, utf8(key)).thenApply(done -> null));
  }

  @Override
  public CompletionStage<Void> delete(String key) {
    return operations.start("deleting key '" + key + "'",
        () -> DELETE.<Long>runInOrder(redis, scriptKeys(key), utf8(key)).thenApply(done -> null));
  }

  @Override
  public CompletionStage<List<String>> keys(String prefix) {
    Range<byte[]> range = prefix.isEmpty()
        ? Range.unbounded()
        : Range.create(utf8(prefix), withAfterUtf8(utf8(prefix)));
    return operations.start("listing the keys that start with '" + prefix + "'",
        () -> redis.zrangebylex(keys.metadataIndex(), range).thenApply(members -> {
          List<String> sorted = new ArrayList<>(members.size());
          members.forEach(member -> sorted.add(new String(member, StandardCharsets.UTF_8)));
          // Redis orders by UTF-8 bytes; the interface promises Java's String order (they differ
          // for characters outside the Basic Multilingual Plane).
          sorted.sort(null);
          return sorted;
        }));
  }

  private String[] scriptKeys(String key) {
    return new String[] {keys.metadata(key), keys.metadataIndex()};
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withAfterUtf8(byte[] prefix) {
    byte[] bound = Arrays.copyOf(prefix, prefix.length + 1);
    bound[prefix.length] = AFTER_UTF8;
    return bound;
  }

  /** Waits for started operations to finish, then closes the connection. */
  @Override
  public void close() {
    operations.closeAndAwait(config.commandTimeout().plus(CLOSE_MARGIN));
    connection.close();
  }
}
