package org.ensemble.server.store.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.ensemble.server.store.FencedWriteException;
import org.ensemble.server.testing.RedisServer;
import org.junit.jupiter.api.Test;

/**
 * The fence of cluster mode on a real Redis: every takeover raises a room's epoch, and an owner that
 * lost the room (it froze, or was cut off) cannot append under its older epoch, to the project or to
 * its ledger; the new owner can.
 */
class RedisFenceIT {

  @Test
  void anOwnerWhoseEpochWasPassedCannotAppend() throws Exception {
    try (RedisServer redis = RedisServer.start();
         RedisDocumentStore store = RedisDocumentStore.connect(RedisStoreConfig.defaults(redis.uri()))) {
      long first = store.claimFence("p", "p#attribution").toCompletableFuture().get();
      assertEquals(1, first);
      store.appendFenced("p", first, new byte[] {1}).toCompletableFuture().get();
      store.appendFenced("p#attribution", first, new byte[] {2}).toCompletableFuture().get();

      long second = store.claimFence("p", "p#attribution").toCompletableFuture().get();
      assertEquals(2, second);
      for (String doc : List.of("p", "p#attribution")) {
        ExecutionException refused = assertThrows(ExecutionException.class,
            () -> store.appendFenced(doc, first, new byte[] {9}).toCompletableFuture().get());
        assertInstanceOf(FencedWriteException.class, refused.getCause(), doc);
      }
      store.appendFenced("p", second, new byte[] {3}).toCompletableFuture().get();

      List<byte[]> stored = store.load("p").toCompletableFuture().get();
      assertEquals(2, stored.size(), "the stale owner's append left nothing");
      assertArrayEquals(new byte[] {1}, stored.get(0));
      assertArrayEquals(new byte[] {3}, stored.get(1));
      assertEquals(1, store.load("p#attribution").toCompletableFuture().get().size());
    }
  }
}
