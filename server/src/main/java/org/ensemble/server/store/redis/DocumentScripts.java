package org.ensemble.server.store.redis;

import io.lettuce.core.ScriptOutputType;

/**
 * The Lua scripts of the document store; each runs atomically in Redis. KEYS[1] is always the
 * document's log and KEYS[2] its state hash (see {@link RedisKeys}).
 */
final class DocumentScripts {
  private DocumentScripts() {}

  /**
   * ARGV[1] the update, ARGV[2] an epoch for a document that has none yet. Returns the log's bytes
   * after the append, from which the store decides to compact.
   */
  static final RedisScript APPEND = new RedisScript("""
      redis.call('RPUSH', KEYS[1], ARGV[1])
      redis.call('HSETNX', KEYS[2], 'epoch', ARGV[2])
      return redis.call('HINCRBY', KEYS[2], 'logbytes', string.len(ARGV[1]))
      """, ScriptOutputType.INTEGER);

  /**
   * {@link #APPEND} for a room owner in cluster mode: KEYS[3] is the document's fence, ARGV[3] the
   * writer's epoch. An epoch older than the fence's (another node took the room over since) is refused
   * with -1 and nothing is written.
   */
  static final RedisScript APPEND_FENCED = new RedisScript("""
      if tonumber(redis.call('GET', KEYS[3]) or '0') > tonumber(ARGV[3]) then
        return -1
      end
      redis.call('RPUSH', KEYS[1], ARGV[1])
      redis.call('HSETNX', KEYS[2], 'epoch', ARGV[2])
      return redis.call('HINCRBY', KEYS[2], 'logbytes', string.len(ARGV[1]))
      """, ScriptOutputType.INTEGER);

  /**
   * Raises the fence KEYS[1] to ARGV[1] unless it is already there or higher; returns the fence after.
   * A new owner raises the fences of a room's documents to its epoch before it writes.
   */
  static final RedisScript RAISE_FENCE = new RedisScript("""
      local current = tonumber(redis.call('GET', KEYS[1]) or '0')
      local wanted = tonumber(ARGV[1])
      if current < wanted then
        redis.call('SET', KEYS[1], ARGV[1])
        return wanted
      end
      return current
      """, ScriptOutputType.INTEGER);

  /**
   * Returns {snapshot or nil, epoch or nil, {log updates...}}: the snapshot and the log read together,
   * so that no compaction can fall between them.
   */
  static final RedisScript READ = new RedisScript("""
      local state = redis.call('HMGET', KEYS[2], 'snap', 'epoch')
      return {state[1], state[2], redis.call('LRANGE', KEYS[1], 0, -1)}
      """, ScriptOutputType.MULTI);

  /**
   * Installs a compaction if nothing changed the document's epoch since it was read (no other
   * compaction, no delete): sets the snapshot and a new epoch and removes exactly the merged updates
   * from the head of the log, leaving those appended since. ARGV: [1] the epoch read, [2] the new
   * epoch, [3] the merged update, [4] how many updates were merged, [5] their bytes. Returns 1 when
   * installed, 0 when the epoch had changed.
   */
  static final RedisScript INSTALL = new RedisScript("""
      if redis.call('HGET', KEYS[2], 'epoch') ~= ARGV[1] then
        return 0
      end
      redis.call('HSET', KEYS[2], 'snap', ARGV[3], 'epoch', ARGV[2])
      redis.call('LTRIM', KEYS[1], tonumber(ARGV[4]), -1)
      redis.call('HINCRBY', KEYS[2], 'logbytes', -tonumber(ARGV[5]))
      return 1
      """, ScriptOutputType.INTEGER);

  /** Returns the bytes of the snapshot plus those of the log. */
  static final RedisScript STORED_BYTES = new RedisScript("""
      local logBytes = tonumber(redis.call('HGET', KEYS[2], 'logbytes') or '0')
      return redis.call('HSTRLEN', KEYS[2], 'snap') + logBytes
      """, ScriptOutputType.INTEGER);
}
