package org.ensemble.server.attribution;

import java.util.concurrent.CompletionStage;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.redis.RedisDocumentStore;
import org.ensemble.server.store.redis.RedisStoreConfig;
import org.ensemble.server.testing.SharedRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link LedgerStoreContract} on a real redis-server; each test has a key prefix of its own. */
class RedisLedgerStoreIT extends LedgerStoreContract {
  @RegisterExtension
  static final SharedRedis redis = new SharedRedis();

  @Override
  protected DocumentStore open(long compactionThreshold) {
    return RedisDocumentStore.connect(RedisStoreConfig.defaults(redis.uri()).withKeyPrefix(redis.keyPrefix())
        .withCompactionThreshold(compactionThreshold));
  }

  @Override
  protected CompletionStage<Void> compact(DocumentStore store, String docId) {
    return ((RedisDocumentStore) store).compact(docId);
  }
}
