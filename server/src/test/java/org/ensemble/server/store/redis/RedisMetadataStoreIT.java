package org.ensemble.server.store.redis;

import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.MetadataStoreContract;
import org.ensemble.server.testing.SharedRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link MetadataStoreContract} against a real redis-server; each test has a key prefix of its own. */
class RedisMetadataStoreIT extends MetadataStoreContract {
  @RegisterExtension
  static final SharedRedis redis = new SharedRedis();

  @Override
  protected MetadataStore open() {
    return RedisMetadataStore.connect(RedisStoreConfig.defaults(redis.uri())
        .withKeyPrefix(redis.keyPrefix())
        .withMaxRecordBytes(MAX_VALUE_BYTES));
  }
}
