package org.ensemble.server;

import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskMetadataStore;
import org.ensemble.server.store.disk.DiskStoreConfig;
import org.ensemble.server.store.redis.RedisDocumentStore;
import org.ensemble.server.store.redis.RedisMetadataStore;
import org.ensemble.server.store.redis.RedisStoreConfig;

/** The document and metadata stores the configuration asks for: embedded on disk, or Redis. */
public record Stores(DocumentStore documents, MetadataStore metadata) {

  public static Stores open(ServerConfig config) {
    switch (config.store()) {
      case REDIS: {
        RedisStoreConfig redis = RedisStoreConfig.defaults(config.redisUri());
        return new Stores(RedisDocumentStore.connect(redis), RedisMetadataStore.connect(redis));
      }
      case DISK:
      default:
        DiskStoreConfig disk = DiskStoreConfig.defaults(config.dataDir().resolve("documents"))
            .withSyncsInFlight(config.diskSyncsInFlight());
        return new Stores(DiskDocumentStore.open(disk),
            DiskMetadataStore.open(config.dataDir().resolve("metadata")));
    }
  }
}
