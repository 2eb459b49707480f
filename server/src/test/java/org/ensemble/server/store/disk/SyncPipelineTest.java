package org.ensemble.server.store.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order and failure rules of overlapping fsyncs. Each batch's fsync is a real {@code force} of a
 * file, behind a gate the test opens, so that fsyncs can be made to finish in any order; a failing
 * fsync is one on a channel that is already closed.
 */
class SyncPipelineTest {
  @TempDir
  Path directory;

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final SyncPipeline pipeline = new SyncPipeline(2);

  @AfterEach
  void close() throws InterruptedException {
    pipeline.close();
  }

  private FileChannel file(String name) throws IOException {
    FileChannel channel = FileChannel.open(directory.resolve(name), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    return channel;
  }

  /** An fsync of {@code channel} that waits for {@code gate} first. */
  private static SyncPipeline.Syncable gated(FileChannel channel, CountDownLatch gate) {
    return () -> {
      try {
        assertTrue(gate.await(10, TimeUnit.SECONDS), "the test never opened the gate");
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      channel.force(false);
    };
  }

  private CompletableFuture<Void> submit(String name, SyncPipeline.Syncable target) throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pipeline.submit(target, () -> {
      events.add(name);
      done.complete(null);
    }, error -> {
      events.add(name + " failed");
      done.completeExceptionally(error);
    });
    return done;
  }

  @Test
  void aLaterFsyncThatFinishesFirstAcknowledgesTheEarlierBatchesInOrder() throws Exception {
    try (FileChannel channel = file("journal")) {
      CountDownLatch slow = new CountDownLatch(1);
      CompletableFuture<Void> first = submit("first", gated(channel, slow));
      CompletableFuture<Void> second = submit("second", () -> channel.force(false));

      second.get(10, TimeUnit.SECONDS);
      assertTrue(first.isDone(), "the second fsync made the first batch durable too");
      assertEquals(List.of("first", "second"), events);

      slow.countDown();
      pipeline.drain();
      assertEquals(List.of("first", "second"), events, "the first fsync's return acknowledges nothing twice");
    }
  }

  @Test
  void anEarlierFsyncThatFinishesFirstAcknowledgesOnlyItsOwnBatch() throws Exception {
    try (FileChannel channel = file("journal")) {
      CountDownLatch slow = new CountDownLatch(1);
      CompletableFuture<Void> first = submit("first", () -> channel.force(false));
      CompletableFuture<Void> second = submit("second", gated(channel, slow));

      first.get(10, TimeUnit.SECONDS);
      assertFalse(second.isDone());
      slow.countDown();
      second.get(10, TimeUnit.SECONDS);
      assertEquals(List.of("first", "second"), events);
    }
  }

  @Test
  void noMoreThanTheLimitRunAtOnce() throws Exception {
    try (FileChannel channel = file("journal")) {
      CountDownLatch gate = new CountDownLatch(1);
      submit("first", gated(channel, gate));
      submit("second", gated(channel, gate));
      CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
        try {
          submit("third", () -> channel.force(false)).join();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      // The third submit waits for a free slot, so it has not even started its fsync.
      assertThrowsTimeout(third);
      gate.countDown();
      third.get(10, TimeUnit.SECONDS);
      assertEquals(List.of("first", "second", "third"), events);
    }
  }

  @Test
  void aFailedFsyncFailsTheBatchesWaitingOnItAndRefusesLaterOnes() throws Exception {
    try (FileChannel good = file("good")) {
      FileChannel broken = file("broken");
      broken.close(); // forcing a closed channel fails, as a real fsync error would
      CountDownLatch failNow = new CountDownLatch(1);
      CountDownLatch secondMayFinish = new CountDownLatch(1);
      CompletableFuture<Void> first = submit("first", gated(broken, failNow));
      CompletableFuture<Void> second = submit("second", gated(good, secondMayFinish));

      failNow.countDown();
      assertFailed(first);
      assertFailed(second); // written after the failed one: its records could not be replayed
      secondMayFinish.countDown();
      pipeline.drain();
      assertEquals(List.of("first failed", "second failed"), events, "a later successful fsync acknowledges nothing");

      IOException failure = pipeline.failure();
      assertTrue(failure != null, "the first failure is kept");
      CompletableFuture<Void> later = submit("later", () -> good.force(false));
      assertSame(failure, later.handle((ok, error) -> error).get(10, TimeUnit.SECONDS), "refused at once, saying why");
    }
  }

  @Test
  void batchesMadeDurableBeforeAFailureStayAcknowledged() throws Exception {
    try (FileChannel good = file("good")) {
      FileChannel broken = file("broken");
      broken.close();
      CountDownLatch failNow = new CountDownLatch(1);
      CompletableFuture<Void> first = submit("first", gated(broken, failNow));
      CompletableFuture<Void> second = submit("second", () -> good.force(false));
      second.get(10, TimeUnit.SECONDS);
      assertTrue(first.isDone() && !first.isCompletedExceptionally());

      failNow.countDown();
      pipeline.drain();
      assertEquals(List.of("first", "second"), events);
      assertTrue(pipeline.failure() != null, "the failure still stops later batches");
    }
  }

  private static void assertFailed(CompletableFuture<Void> future) throws Exception {
    Throwable error = future.handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
    assertTrue(error instanceof IOException, "failed with the fsync's error, not " + error);
  }

  private static void assertThrowsTimeout(CompletableFuture<?> future) throws Exception {
    try {
      future.get(300, TimeUnit.MILLISECONDS);
      throw new AssertionError("finished although both slots were taken");
    } catch (java.util.concurrent.TimeoutException expected) {
      // still waiting, as it should
    }
  }
}
