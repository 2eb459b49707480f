package org.ensemble.server.store.redis;

import java.util.UUID;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.MetadataStoreContract;
import org.ensemble.server.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The {@link MetadataStoreContract} against a real redis-server; each test has a key prefix of its own. */
class RedisMetadataStoreIT extends MetadataStoreContract {
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
  protected MetadataStore open() {
    return RedisMetadataStore.connect(RedisStoreConfig.defaults(redis.uri())
        .withKeyPrefix(keyPrefix)
        .withMaxRecordBytes(MAX_VALUE_BYTES));
  }
}
