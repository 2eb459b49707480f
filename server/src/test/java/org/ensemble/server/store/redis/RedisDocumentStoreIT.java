package org.ensemble.server.store.redis;

import java.util.concurrent.CompletionStage;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.DocumentStoreContract;
import org.ensemble.server.testing.SharedRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DocumentStoreContract} against a real redis-server; each test has a key prefix of its own. */
class RedisDocumentStoreIT extends DocumentStoreContract {
  @RegisterExtension
  static final SharedRedis redis = new SharedRedis();

  @Override
  protected DocumentStore open(long compactionThreshold) {
    return RedisDocumentStore.connect(RedisStoreConfig.defaults(redis.uri())
        .withKeyPrefix(redis.keyPrefix())
        .withCompactionThreshold(compactionThreshold)
        .withMaxRecordBytes(MAX_RECORD_BYTES));
  }

  @Override
  protected CompletionStage<Void> compact(DocumentStore store, String docId) {
    return ((RedisDocumentStore) store).compact(docId);
  }

  @Override
  protected long compactions(DocumentStore store) {
    return ((RedisDocumentStore) store).compactions();
  }
}
