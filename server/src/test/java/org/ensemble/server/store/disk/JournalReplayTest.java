package org.ensemble.server.store.disk;

import static org.ensemble.server.testing.Await.result;
import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ensemble.server.testing.RecordingDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal holds what the logs may lose: their writes are not fsynced per batch. Each test builds
 * the state a power loss leaves (the journal as it was fsynced while the store ran, logs that lost
 * their unsynced tails), reopens, and checks that every acknowledged update is back.
 */
class JournalReplayTest {
  @TempDir
  Path directory;
  @TempDir
  Path saved;

  private DiskDocumentStore open() {
    return DiskDocumentStore.open(DiskStoreConfig.defaults(directory));
  }

  private Path journal() {
    return directory.resolve(Journal.DIRECTORY);
  }

  private Path log(String docId) {
    return directory.resolve(FileNames.encode(docId) + DocumentFiles.LOG_SUFFIX);
  }

  /** Copies the journal as it is now, while the store runs: what a crash at this moment would leave. */
  private void saveJournal() throws IOException {
    copyTree(journal(), saved);
  }

  /** Puts the saved journal back after a clean close removed it, as if the close never happened. */
  private void restoreJournal() throws IOException {
    copyTree(saved, journal());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(Journal.SUFFIX)).sorted(Comparator.naturalOrder()).toList();
    }
  }

  @Test
  void logsThatLostTheirUnsyncedTailsGetEveryAcknowledgedUpdateBack() throws Exception {
    List<RecordingDoc> clients = List.of(new RecordingDoc().compose(20), new RecordingDoc().compose(20),
        new RecordingDoc().compose(20));
    try (DiskDocumentStore store = open()) {
      for (int i = 0; i < clients.size(); i++) {
        for (byte[] update : clients.get(i).updates()) {
          result(store.append("doc-" + i, update));
        }
      }
      saveJournal();
    }
    assertEquals(List.of(), segments(journal()), "a clean close leaves no journal");
    // The crash: doc-0's log lost its second half (cut inside a record), doc-1's log never reached
    // the disk at all, doc-2's log is whole.
    truncate(log("doc-0"), Files.size(log("doc-0")) / 2);
    Files.delete(log("doc-1"));
    restoreJournal();
    try (DiskDocumentStore store = open()) {
      assertTrue(store.stats().replayed() > clients.get(0).updates().size() / 2, store.stats().toString());
      for (int i = 0; i < clients.size(); i++) {
        List<byte[]> loaded = result(store.load("doc-" + i));
        assertEquals(clients.get(i).updates().size(), loaded.size(), "doc-" + i + ": each update once");
        assertSameDocument(clients.get(i).doc(), rebuild(loaded));
      }
    }
    try (DiskDocumentStore store = open()) {
      assertEquals(0, store.stats().replayed(), "replayed once, then the journal is gone");
    }
  }

  @Test
  void aCompactionResetsTheJournalSoOnlyLaterAppendsAreReplayed() throws Exception {
    RecordingDoc client = new RecordingDoc().compose(30);
    List<byte[]> updates = client.updates();
    try (DiskDocumentStore store = open()) {
      for (byte[] update : updates.subList(0, 15)) {
        result(store.append("doc", update));
      }
      result(store.compact("doc"));
      for (byte[] update : updates.subList(15, updates.size())) {
        result(store.append("doc", update));
      }
      saveJournal();
    }
    truncate(log("doc"), 0); // the appends after the compaction were lost from the new log
    restoreJournal();
    try (DiskDocumentStore store = open()) {
      assertEquals(updates.size() - 15, store.stats().replayed(), "only what followed the compaction");
      List<byte[]> loaded = result(store.load("doc"));
      assertEquals(1 + updates.size() - 15, loaded.size(), "the snapshot, then the later appends once");
      assertSameDocument(client.doc(), rebuild(loaded));
    }
  }

  @Test
  void aDeletedDocumentStaysDeleted() throws Exception {
    RecordingDoc client = new RecordingDoc().compose(10);
    try (DiskDocumentStore store = open()) {
      for (byte[] update : client.updates()) {
        result(store.append("gone", update));
      }
      result(store.delete("gone"));
      result(store.append("kept", client.lastUpdate()));
      saveJournal();
    }
    restoreJournal();
    try (DiskDocumentStore store = open()) {
      assertEquals(List.of(), result(store.load("gone")));
      assertEquals(1, result(store.load("kept")).size());
    }
  }

  @Test
  void fullSegmentsRollOverAndAreDroppedOnceTheLogsAreSynced() throws Exception {
    long segmentBytes = 4 * 1024;
    List<RecordingDoc> clients = new ArrayList<>();
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
        .withJournalSegmentBytes(segmentBytes))) {
      long journaled = 0;
      for (int i = 0; i < 8; i++) {
        RecordingDoc client = new RecordingDoc().compose(60);
        clients.add(client);
        for (byte[] update : client.updates()) {
          result(store.append("doc-" + i, update));
          journaled += update.length;
        }
      }
      assertTrue(journaled > 4 * segmentBytes, "enough to roll several times: " + journaled);
      // The active segment and the prepared spare (which may still be on its way); never the old ones.
      assertTrue(segments(journal()).size() <= 2, segments(journal()).toString());
    }
    try (DiskDocumentStore store = open()) {
      assertEquals(0, store.stats().replayed());
      for (int i = 0; i < clients.size(); i++) {
        assertSameDocument(clients.get(i).doc(), rebuild(result(store.load("doc-" + i))));
      }
    }
  }
}
