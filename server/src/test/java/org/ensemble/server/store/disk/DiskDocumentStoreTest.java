package org.ensemble.server.store.disk;

import static org.ensemble.server.testing.Await.result;
import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.DocumentStoreContract;
import org.ensemble.server.testing.RecordingDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link DocumentStoreContract} for the disk store, and what only the disk store does. */
class DiskDocumentStoreTest extends DocumentStoreContract {
  @TempDir
  Path directory;

  @Override
  protected DocumentStore open(long compactionThreshold) {
    return DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
        .withCompactionThreshold(compactionThreshold)
        .withMaxRecordBytes(MAX_RECORD_BYTES));
  }

  @Override
  protected CompletionStage<Void> compact(DocumentStore store, String docId) {
    return ((DiskDocumentStore) store).compact(docId);
  }

  @Override
  protected long compactions(DocumentStore store) {
    return ((DiskDocumentStore) store).stats().compactions();
  }

  @Test
  void aThousandConcurrentAppendsShareFarFewerFsyncs() throws Exception {
    int appends = 1000;
    int documents = 10;
    int threads = 8;
    // With the default delay of 0 how much groups depends on how fast fsync is (on tmpfs it is
    // free, and every append may get its own); a delay makes the grouping certain.
    DiskStoreConfig config = DiskStoreConfig.defaults(directory).withMaxBatchDelay(Duration.ofMillis(20));
    List<List<byte[]>> updates = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      updates.add(new RecordingDoc().type("x".repeat(appends / documents)).updates());
    }
    try (DiskDocumentStore store = DiskDocumentStore.open(config)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        submitted.add(pool.submit(() -> {
          List<CompletableFuture<Void>> mine = new ArrayList<>();
          // each document belongs to one thread, so its updates go in order
          for (int d = thread; d < documents; d += threads) {
            for (byte[] update : updates.get(d)) {
              mine.add(store.append("doc-" + d, update).toCompletableFuture());
            }
          }
          return mine;
        }));
      }
      for (Future<List<CompletableFuture<Void>>> mine : submitted) {
        for (CompletableFuture<Void> append : mine.get()) {
          result(append);
        }
      }
      pool.shutdown();
      DiskStoreStats stats = store.stats();
      assertEquals(appends, stats.appends());
      assertTrue(stats.fsyncs() <= appends / 10, stats.toString());
    }
    try (DiskDocumentStore reopened = DiskDocumentStore.open(config)) {
      for (int d = 0; d < documents; d++) {
        assertEquals(updates.get(d).size(), result(reopened.load("doc-" + d)).size());
      }
    }
  }

  @Test
  void aSequentialWriterIsCommittedAtOnceByDefault() throws Exception {
    DiskDocumentStore store = (DiskDocumentStore) openTracked(NO_AUTOMATIC_COMPACTION);
    RecordingDoc client = new RecordingDoc().compose(5);
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    DiskStoreStats stats = store.stats();
    assertEquals(client.updates().size(), stats.appends());
    assertEquals(stats.appends(), stats.batches(), "one batch per append, none waiting for company");
  }

  @Test
  void aBatchDelayGathersAppendsToSeveralDocumentsIntoOneBatch() throws Exception {
    int documents = 10;
    // Far longer than queueing the appends takes, even on a slow machine.
    Duration delay = Duration.ofMillis(500);
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
        .withMaxBatchDelay(delay))) {
      List<CompletableFuture<Void>> pending = new ArrayList<>();
      for (int d = 0; d < documents; d++) {
        for (byte[] update : new RecordingDoc().compose(3).updates()) {
          pending.add(store.append("doc-" + d, update).toCompletableFuture());
        }
      }
      for (CompletableFuture<Void> append : pending) {
        result(append);
      }
      DiskStoreStats stats = store.stats();
      assertEquals(1, stats.batches(), stats.toString());
      assertEquals(1, stats.fsyncs(), "one fsync for the whole batch, however many documents");
    }
  }

  @Test
  void documentsBeyondTheOpenLimitAreClosedAndReopenedAsNeeded() throws Exception {
    int documents = 7;
    List<RecordingDoc> clients = new ArrayList<>();
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
        .withMaxOpenDocuments(2))) {
      for (int round = 0; round < 3; round++) {
        for (int d = 0; d < documents; d++) {
          if (round == 0) {
            clients.add(new RecordingDoc());
          }
          result(store.append("doc-" + d, clients.get(d).addNote(60 + round, 1).lastUpdate()));
        }
      }
      for (int d = 0; d < documents; d++) {
        assertSameDocument(clients.get(d).doc(), rebuild(result(store.load("doc-" + d))));
      }
      assertEquals(0, store.stats().tailsCut());
    }
  }

  @Test
  void aLowerLimitOnUpdatesStillLoadsTheLongerOnesWrittenBefore() throws Exception {
    byte[] large = new RecordingDoc().type("x").set("lyrics", "la".repeat(2000)).lastUpdate();
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory))) {
      result(store.append("chorale", large));
    }
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
        .withMaxRecordBytes(large.length / 2))) {
      assertEquals(1, result(store.load("chorale")).size());
      assertEquals(0, store.stats().tailsCut());
    }
  }

  @Test
  void theFilesStayInsideTheDirectoryAndAreNamedInBase32() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    result(store.append("../../escape", new RecordingDoc().compose(1).lastUpdate()));
    try (var files = java.nio.file.Files.list(directory)) {
      List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
      assertEquals(List.of(FileNames.encode("../../escape") + DocumentFiles.LOG_SUFFIX, Journal.DIRECTORY), names);
      assertTrue(names.get(0).matches("[a-z2-7]+\\.log"), names.get(0));
    }
  }
}
