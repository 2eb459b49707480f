package org.ensemble.server.store.redis;

import org.ensemble.server.store.StoreException;

/**
 * The key layout, in one place. Per document {@code id}:
 *
 * <ul>
 *   <li>{@code <prefix>doc:{id}:log}: a list, one update per element, in append order (RPUSH);
 *   <li>{@code <prefix>doc:{id}:state}: a hash with {@code snap} (the merged update of everything
 *       compacted so far; absent before the first compaction), {@code logbytes} (the bytes in the
 *       list, which decides when to compact) and {@code epoch} (a random token, new at every
 *       compaction and for every new incarnation of the id, which makes compaction conditional);
 *   <li>{@code <prefix>doc:{id}:fence}: in cluster mode, the epoch of the room's latest owner (a
 *       number that only grows); an append under an older epoch is refused.
 * </ul>
 *
 * The braces make {@code id} the Redis Cluster hash tag, so both keys of a document live in one slot
 * and the Lua scripts may touch them together. Metadata: {@code <prefix>meta:<key>} (a string) and
 * {@code <prefix>meta-index} (a sorted set of every key, all with score 0, for prefix listing); the
 * index is one key, so metadata lives in one slot.
 */
final class RedisKeys {
  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  String log(String docId) {
    return document(docId) + ":log";
  }

  String state(String docId) {
    return document(docId) + ":state";
  }

  /** The epoch of the node that owns the document's room (cluster mode): older epochs may not append. */
  String fence(String docId) {
    return document(docId) + ":fence";
  }

  private String document(String docId) {
    if (docId.isEmpty()) {
      // "{}" is no hash tag: the two keys could land in different cluster slots.
      throw new StoreException("an empty document id cannot be stored");
    }
    return prefix + "doc:{" + docId + "}";
  }

  String metadata(String key) {
    if (key.isEmpty()) {
      throw new StoreException("an empty key cannot be stored");
    }
    return prefix + "meta:" + key;
  }

  String metadataIndex() {
    return prefix + "meta-index";
  }
}
