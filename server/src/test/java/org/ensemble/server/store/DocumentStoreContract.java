package org.ensemble.server.store;

import static org.ensemble.server.testing.Await.failure;
import static org.ensemble.server.testing.Await.result;
import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.server.testing.Await;
import org.ensemble.server.testing.RecordingDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentStore} promises, run against each implementation by a subclass that says
 * how to open one. Updates are real Yjs updates made with {@code protocol}'s {@link Doc}.
 */
public abstract class DocumentStoreContract {
  /** Small enough that a few hundred updates pass it. */
  protected static final long SMALL_COMPACTION_THRESHOLD = 2 * 1024;
  /** Large enough that no test reaches it by accident. */
  protected static final long NO_AUTOMATIC_COMPACTION = 1L << 40;
  protected static final int MAX_RECORD_BYTES = 64 * 1024;

  private final List<DocumentStore> opened = new ArrayList<>();

  /**
   * Opens a store on this test's storage (the same storage each time, so a reopened store sees what an
   * earlier one wrote), with the given compaction threshold and {@link #MAX_RECORD_BYTES}.
   */
  protected abstract DocumentStore open(long compactionThreshold);

  /** Merges the document's log into its snapshot now (each store offers this beyond the interface). */
  protected abstract CompletionStage<Void> compact(DocumentStore store, String docId);

  /** How many compactions the store has completed. */
  protected abstract long compactions(DocumentStore store);

  protected DocumentStore openTracked(long compactionThreshold) {
    DocumentStore store = open(compactionThreshold);
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(DocumentStore::close);
  }

  @Test
  void loadOfAnUnknownDocumentIsEmpty() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    assertEquals(List.of(), result(store.load("never-written")));
    assertEquals(0L, result(store.storedBytes("never-written")));
  }

  @Test
  void appendedUpdatesLoadInOrderAndRebuildTheSameDocument() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    RecordingDoc client = new RecordingDoc().compose(20);
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    List<byte[]> loaded = result(store.load("chorale"));
    assertEquals(client.updates().size(), loaded.size());
    for (int i = 0; i < loaded.size(); i++) {
      assertArrayEquals(client.updates().get(i), loaded.get(i), "update " + i);
    }
    assertSameDocument(client.doc(), rebuild(loaded));
  }

  @Test
  void aReopenedStoreLoadsWhatWasAppended() throws Exception {
    RecordingDoc client = new RecordingDoc().compose(10);
    try (DocumentStore store = open(NO_AUTOMATIC_COMPACTION)) {
      for (byte[] update : client.updates()) {
        result(store.append("chorale", update));
      }
    }
    DocumentStore reopened = openTracked(NO_AUTOMATIC_COMPACTION);
    assertSameDocument(client.doc(), rebuild(result(reopened.load("chorale"))));
  }

  @Test
  void appendsToOneDocumentCompleteInTheOrderTheyWereMade() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    RecordingDoc client = new RecordingDoc().compose(100);
    List<Integer> completionOrder = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> appends = new ArrayList<>();
    for (int i = 0; i < client.updates().size(); i++) {
      int index = i;
      appends.add(store.append("chorale", client.updates().get(i))
          .thenRun(() -> completionOrder.add(index)).toCompletableFuture());
    }
    result(CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)));
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < client.updates().size(); i++) {
      expected.add(i);
    }
    assertEquals(expected, completionOrder);
    assertSameDocument(client.doc(), rebuild(result(store.load("chorale"))));
  }

  @Test
  void concurrentAppendsToManyDocumentsFromSeveralThreadsAllLoadBack() throws Exception {
    int threads = 8;
    int documents = 40;
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    // Each thread is one client that edits every document; a document's updates come from all.
    List<List<RecordingDoc>> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<RecordingDoc> perDocument = new ArrayList<>();
      for (int d = 0; d < documents; d++) {
        perDocument.add(new RecordingDoc(1000L * t + d + 1).compose(4 + (t + d) % 5));
      }
      clients.add(perDocument);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
      for (List<RecordingDoc> client : clients) {
        submitted.add(pool.submit(() -> appendAllInterleaved(store, client)));
      }
      for (Future<List<CompletableFuture<Void>>> appends : submitted) {
        for (CompletableFuture<Void> append : appends.get()) {
          result(append);
        }
      }
    } finally {
      pool.shutdown();
    }
    for (int d = 0; d < documents; d++) {
      Doc expected = new Doc();
      for (List<RecordingDoc> client : clients) {
        client.get(d).updates().forEach(expected::applyUpdate);
      }
      assertSameDocument(expected, rebuild(result(store.load(documentId(d)))));
    }
  }

  private static List<CompletableFuture<Void>> appendAllInterleaved(DocumentStore store,
      List<RecordingDoc> client) {
    List<CompletableFuture<Void>> appends = new ArrayList<>();
    int longest = client.stream().mapToInt(doc -> doc.updates().size()).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (int d = 0; d < client.size(); d++) {
        List<byte[]> updates = client.get(d).updates();
        if (i < updates.size()) {
          appends.add(store.append(documentId(d), updates.get(i)).toCompletableFuture());
        }
      }
    }
    return appends;
  }

  private static String documentId(int index) {
    return "project-" + index;
  }

  @Test
  void compactionKeepsTheDocumentIdenticalAndShrinksTheStoredBytes() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    // Typing, one small update per letter, is where merging pays most.
    RecordingDoc client = new RecordingDoc().compose(20)
        .type("Ein feste Burg ist unser Gott, ein gute Wehr und Waffen. ".repeat(4));
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    long before = result(store.storedBytes("chorale"));
    result(compact(store, "chorale"));
    long after = result(store.storedBytes("chorale"));
    // mergeUpdates, like Yjs's, keeps one struct per typed letter (it cannot tell that adjacent
    // letters may merge), so the gain is the per-update overhead: about half here.
    assertTrue(after < before * 2 / 3, "compaction shrank " + before + " bytes only to " + after);
    List<byte[]> loaded = result(store.load("chorale"));
    assertEquals(1, loaded.size(), "after compaction only the snapshot is left");
    assertSameDocument(client.doc(), rebuild(loaded));
    assertEquals(1, compactions(store));
  }

  @Test
  void updatesAppendedAfterACompactionLoadAfterTheSnapshot() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    RecordingDoc client = new RecordingDoc().compose(10);
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    result(compact(store, "chorale"));
    client.type("amen");
    List<byte[]> later = client.updates().subList(client.updates().size() - 4, client.updates().size());
    for (byte[] update : later) {
      result(store.append("chorale", update));
    }
    List<byte[]> loaded = result(store.load("chorale"));
    assertEquals(5, loaded.size(), "the snapshot and the four later updates");
    assertSameDocument(client.doc(), rebuild(loaded));
  }

  @Test
  void aLogPastTheThresholdIsCompactedAutomatically() throws Exception {
    DocumentStore store = openTracked(SMALL_COMPACTION_THRESHOLD);
    RecordingDoc client = new RecordingDoc().compose(200);
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
    }
    Await.until("the store compacts on its own", () -> compactions(store) > 0);
    assertSameDocument(client.doc(), rebuild(result(store.load("chorale"))));
  }

  @Test
  void appendsRacingWithCompactionAreNeverLost() throws Exception {
    int writers = 4;
    DocumentStore store = openTracked(SMALL_COMPACTION_THRESHOLD);
    List<RecordingDoc> clients = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      clients.add(new RecordingDoc(w + 1).compose(150));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (RecordingDoc client : clients) {
        work.add(pool.submit(() -> {
          List<CompletableFuture<Void>> appends = new ArrayList<>();
          for (byte[] update : client.updates()) {
            appends.add(store.append("chorale", update).toCompletableFuture());
          }
          return CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
        }));
      }
      // explicit compactions on top of the automatic ones, while the appends run
      work.add(pool.submit(() -> {
        for (int i = 0; i < 20; i++) {
          compact(store, "chorale").toCompletableFuture().join();
        }
        return null;
      }));
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    Doc expected = new Doc();
    clients.forEach(client -> client.updates().forEach(expected::applyUpdate));
    assertSameDocument(expected, rebuild(result(store.load("chorale"))));
    assertTrue(compactions(store) > 0, "no compaction ran during the appends");
  }

  @Test
  void deleteRemovesEverythingAndTheIdCanBeUsedAgain() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    RecordingDoc first = new RecordingDoc().compose(10);
    for (byte[] update : first.updates()) {
      result(store.append("chorale", update));
    }
    result(compact(store, "chorale"));
    result(store.append("chorale", first.set("key", "after the snapshot").lastUpdate()));
    result(store.append("other", first.lastUpdate()));

    result(store.delete("chorale"));
    assertEquals(List.of(), result(store.load("chorale")));
    assertEquals(0L, result(store.storedBytes("chorale")));
    assertEquals(1, result(store.load("other")).size(), "another document is untouched");

    RecordingDoc second = new RecordingDoc().compose(3);
    for (byte[] update : second.updates()) {
      result(store.append("chorale", update));
    }
    assertSameDocument(second.doc(), rebuild(result(store.load("chorale"))));
    result(store.delete("never-written"));
  }

  @Test
  void storedBytesCountsWhatIsStored() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    RecordingDoc client = new RecordingDoc().compose(10);
    long payload = 0;
    for (byte[] update : client.updates()) {
      result(store.append("chorale", update));
      payload += update.length;
      long stored = result(store.storedBytes("chorale"));
      assertTrue(stored >= payload, stored + " bytes stored for " + payload + " bytes of updates");
    }
    long beforeMore = result(store.storedBytes("chorale"));
    result(store.append("chorale", client.type("x").lastUpdate()));
    assertTrue(result(store.storedBytes("chorale")) > beforeMore);
  }

  @Test
  void closeDrainsPendingAppends() throws Exception {
    RecordingDoc client = new RecordingDoc().compose(150);
    List<CompletableFuture<Void>> appends = new ArrayList<>();
    try (DocumentStore store = open(NO_AUTOMATIC_COMPACTION)) {
      for (byte[] update : client.updates()) {
        appends.add(store.append("chorale", update).toCompletableFuture());
      }
    }
    for (CompletableFuture<Void> append : appends) {
      result(append);
    }
    DocumentStore reopened = openTracked(NO_AUTOMATIC_COMPACTION);
    assertEquals(client.updates().size(), result(reopened.load("chorale")).size());
    assertSameDocument(client.doc(), rebuild(result(reopened.load("chorale"))));
  }

  @Test
  void anOversizeAppendIsRefusedWithAReason() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    Throwable refused = failure(store.append("chorale", new byte[MAX_RECORD_BYTES + 1]));
    assertInstanceOf(StoreException.class, refused);
    assertTrue(refused.getMessage().contains(String.valueOf(MAX_RECORD_BYTES + 1)), refused.getMessage());
    assertEquals(List.of(), result(store.load("chorale")), "nothing of it was stored");
    RecordingDoc client = new RecordingDoc().compose(2);
    result(store.append("chorale", client.updates().get(0)));
  }

  @Test
  void operationsAfterCloseFailWithAStoreException() throws Exception {
    DocumentStore store = open(NO_AUTOMATIC_COMPACTION);
    store.close();
    byte[] update = new RecordingDoc().compose(1).lastUpdate();
    assertInstanceOf(StoreException.class, failure(store.append("chorale", update)));
    assertInstanceOf(StoreException.class, failure(store.load("chorale")));
    store.close();
  }

  @Test
  void anEmptyDocumentIdIsRefused() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    byte[] update = new RecordingDoc().compose(1).lastUpdate();
    assertInstanceOf(StoreException.class, failure(store.append("", update)));
  }

  @Test
  void idsThatLookLikePathsAreSeparateDocuments() throws Exception {
    DocumentStore store = openTracked(NO_AUTOMATIC_COMPACTION);
    List<String> ids = List.of("a", "A", "a/b", "../a", "/etc/passwd", "a b", "ä♪", "a:log", "{a}");
    List<RecordingDoc> clients = new ArrayList<>();
    for (String id : ids) {
      RecordingDoc client = new RecordingDoc().set("id", id);
      clients.add(client);
      result(store.append(id, client.lastUpdate()));
    }
    for (int i = 0; i < ids.size(); i++) {
      assertSameDocument(clients.get(i).doc(), rebuild(result(store.load(ids.get(i)))));
    }
  }
}
