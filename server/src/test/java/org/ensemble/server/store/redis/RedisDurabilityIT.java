package org.ensemble.server.store.redis;

import static org.ensemble.server.testing.Await.result;
import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ensemble.server.testing.RecordingDoc;
import org.ensemble.server.testing.RedisServer;
import org.junit.jupiter.api.Test;

/**
 * With {@code appendonly yes} and {@code appendfsync always}, what the store acknowledged survives a
 * SIGKILL of Redis: the setting production should run with (see {@link RedisDocumentStore}).
 */
class RedisDurabilityIT {
  @Test
  void acknowledgedAppendsSurviveAKillOfRedisWithAppendfsyncAlways() throws Exception {
    try (RedisServer redis = RedisServer.withAof()) {
      // A background compaction may be waiting on the killed Redis: let it give up soon.
      RedisStoreConfig config = RedisStoreConfig.defaults(redis.uri()).withCompactionThreshold(2048)
          .withCommandTimeout(Duration.ofSeconds(2));
      RecordingDoc client = new RecordingDoc().compose(200);
      try (RedisDocumentStore store = RedisDocumentStore.connect(config)) {
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        for (byte[] update : client.updates()) {
          appends.add(store.append("chorale", update).toCompletableFuture());
        }
        for (CompletableFuture<Void> append : appends) {
          result(append);
        }
        redis.kill();
      }
      redis.restart();
      try (RedisDocumentStore store = RedisDocumentStore.connect(config)) {
        assertSameDocument(client.doc(), rebuild(result(store.load("chorale"))));
      }
    }
  }
}
