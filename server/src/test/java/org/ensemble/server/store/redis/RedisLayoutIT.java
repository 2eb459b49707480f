package org.ensemble.server.store.redis;

import static org.ensemble.server.testing.Await.result;
import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ensemble.server.testing.RecordingDoc;
import org.ensemble.server.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Redis document store leaves in Redis, and the guard that keeps a stale compaction from
 * installing: checked with a second, plain Lettuce connection.
 */
class RedisLayoutIT {
  private static RedisServer redis;
  private static RedisClient client;
  private static StatefulRedisConnection<String, byte[]> connection;
  private static RedisAsyncCommands<String, byte[]> raw;

  private String prefix;
  private RedisDocumentStore store;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
    client = RedisClient.create(redis.uri());
    connection = client.connect(RedisConnection.CODEC);
    raw = connection.async();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (connection != null) {
      connection.close();
      client.shutdown();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void openStore() {
    prefix = "layout-" + UUID.randomUUID() + ":";
    store = RedisDocumentStore.connect(RedisStoreConfig.defaults(redis.uri()).withKeyPrefix(prefix));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Set<String> keysOfThisTest() throws Exception {
    return new TreeSet<>(result(raw.keys(prefix + "*")));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aDocumentIsAListOfUpdatesAndAStateHashThatShareAHashTag() throws Exception {
    RecordingDoc client = new RecordingDoc().compose(3);
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    assertEquals(Set.of(prefix + "doc:{chorale}:log", prefix + "doc:{chorale}:state"), keysOfThisTest());
    assertEquals(client.updates().size(), result(raw.llen(prefix + "doc:{chorale}:log")));
    long bytes = client.updates().stream().mapToLong(update -> update.length).sum();
    assertEquals(String.valueOf(bytes),
        text(result(raw.hget(prefix + "doc:{chorale}:state", "logbytes"))));

    result(store.compact("chorale"));
    assertEquals(Set.of(prefix + "doc:{chorale}:state"), keysOfThisTest(), "the merged log is gone");
    assertEquals("0", text(result(raw.hget(prefix + "doc:{chorale}:state", "logbytes"))));

    result(store.delete("chorale"));
    assertEquals(Set.of(), keysOfThisTest());
  }

  @Test
  void aCompactionReadBeforeADeleteCannotInstallAfterIt() throws Exception {
    RecordingDoc first = new RecordingDoc().compose(3);
    for (byte[] update : first.updates()) {
      result(store.append("chorale", update));
    }
    String[] keys = {prefix + "doc:{chorale}:log", prefix + "doc:{chorale}:state"};
    byte[] staleEpoch = result(raw.hget(keys[1], "epoch"));

    // The document is deleted and written anew while that compaction merges.
    result(store.delete("chorale"));
    RecordingDoc second = new RecordingDoc().compose(2);
    for (byte[] update : second.updates()) {
      result(store.append("chorale", update));
    }
    byte[] staleMerge = org.ensemble.protocol.crdt.Updates.mergeUpdates(first.updates());
    long installed = result(DocumentScripts.INSTALL.<Long>run(raw, keys, staleEpoch,
        RedisDocumentStore.newEpoch(), staleMerge, "3".getBytes(), "100".getBytes()));

    assertEquals(0L, installed);
    assertSameDocument(second.doc(), rebuild(result(store.load("chorale"))));
  }

  @Test
  void scriptsStillRunAfterRedisForgetsThem() throws Exception {
    RecordingDoc client = new RecordingDoc().compose(3);
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    result(raw.scriptFlush());
    List<byte[]> loaded = result(store.load("chorale"));
    assertSameDocument(client.doc(), rebuild(loaded));
    result(store.compact("chorale"));
    assertEquals(1, result(store.load("chorale")).size());
  }
}
