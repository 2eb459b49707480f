/**
 * The stores on Redis, through Lettuce: {@link org.ensemble.server.store.redis.RedisDocumentStore}
 * (whose Javadoc says how durability follows Redis's AOF settings) and {@link
 * org.ensemble.server.store.redis.RedisMetadataStore}. The key layout is in {@code RedisKeys}, the
 * Lua scripts in {@code DocumentScripts}, compaction in {@code RedisCompactor}.
 */
package org.ensemble.server.store.redis;
