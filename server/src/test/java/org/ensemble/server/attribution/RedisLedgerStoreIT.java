package org.ensemble.server.attribution;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.redis.RedisDocumentStore;
import org.ensemble.server.store.redis.RedisStoreConfig;
import org.ensemble.server.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The {@link LedgerStoreContract} on a real redis-server; each test has a key prefix of its own. */
class RedisLedgerStoreIT extends LedgerStoreContract {
  private static RedisServer redis;
  private String keyPrefix;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void chooseKeyPrefix() {
    keyPrefix = "test-" + UUID.randomUUID() + ":";
  }

  @Override
  protected DocumentStore open(long compactionThreshold) {
    return RedisDocumentStore.connect(RedisStoreConfig.defaults(redis.uri()).withKeyPrefix(keyPrefix)
        .withCompactionThreshold(compactionThreshold));
  }

  @Override
  protected CompletionStage<Void> compact(DocumentStore store, String docId) {
    return ((RedisDocumentStore) store).compact(docId);
  }
}
