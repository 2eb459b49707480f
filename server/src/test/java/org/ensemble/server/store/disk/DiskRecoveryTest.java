package org.ensemble.server.store.disk;

import static org.ensemble.server.testing.Await.failure;
import static org.ensemble.server.testing.Await.result;
import static org.ensemble.server.testing.Documents.assertSameDocument;
import static org.ensemble.server.testing.Documents.rebuild;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.ensemble.server.store.StoreException;
import org.ensemble.server.testing.RecordingDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reopened disk store makes of files that a crash, a torn write or bit rot left behind. Each
 * test writes a document through the store, damages the files as such an event would, reopens and
 * checks what {@code load} returns and what the store logged.
 */
class DiskRecoveryTest {
  private static final String DOC = "chorale";

  @TempDir
  Path directory;

  private final RecordingDoc client = new RecordingDoc().compose(12);
  private final List<String> logged = new ArrayList<>();
  private final Logger storeLogger = Logger.getLogger(DiskDocumentStore.class.getName());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (logged) {
        logged.add(new SimpleFormatter().formatMessage(record));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureTheStoreLog() {
    storeLogger.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    storeLogger.removeHandler(capture);
  }

  private DiskDocumentStore open() {
    return DiskDocumentStore.open(DiskStoreConfig.defaults(directory));
  }

  private void writeEveryUpdate() throws Exception {
    try (DiskDocumentStore store = open()) {
      for (byte[] update : client.updates()) {
        result(store.append(DOC, update));
      }
    }
  }

  private Path log() {
    return directory.resolve(FileNames.encode(DOC) + DocumentFiles.LOG_SUFFIX);
  }

  private Path snapshot() {
    return directory.resolve(FileNames.encode(DOC) + DocumentFiles.SNAPSHOT_SUFFIX);
  }

  private long recordBytes(int count) {
    long bytes = 0;
    for (byte[] update : client.updates().subList(0, count)) {
      bytes += RecordFormat.HEADER_BYTES + update.length;
    }
    return bytes;
  }

  private int updateCount() {
    return client.updates().size();
  }

  /** Loads after a reopen and checks that exactly the first {@code expected} updates came back. */
  private DiskDocumentStore assertRecovers(int expected) throws Exception {
    DiskDocumentStore store = open();
    List<byte[]> loaded = result(store.load(DOC));
    assertEquals(expected, loaded.size());
    for (int i = 0; i < expected; i++) {
      assertArrayEquals(client.updates().get(i), loaded.get(i), "update " + i);
    }
    assertEquals(recordBytes(expected), Files.size(log()), "the log is cut to its valid records");
    return store;
  }

  private String loggedText() {
    synchronized (logged) {
      return String.join("\n", logged);
    }
  }

  @Test
  void aTornLastRecordIsCutAndEverythingBeforeItIsRecovered() throws Exception {
    writeEveryUpdate();
    long fullSize = Files.size(log());
    try (FileChannel file = FileChannel.open(log(), StandardOpenOption.WRITE)) {
      file.truncate(fullSize - 3);
    }
    try (DiskDocumentStore store = assertRecovers(updateCount() - 1)) {
      long dropped = fullSize - 3 - recordBytes(updateCount() - 1);
      assertEquals(new DiskStoreStats(0, 0, 0, 0, 0, 0, 1, dropped, 0), store.stats());
      assertTrue(loggedText().contains("cut " + dropped + " bytes"), loggedText());
      // Later appends land after the last good record, not after the torn bytes.
      result(store.append(DOC, client.lastUpdate()));
    }
    try (DiskDocumentStore store = open()) {
      assertSameDocument(client.doc(), rebuild(result(store.load(DOC))));
    }
  }

  @Test
  void garbageAfterTheLastRecordIsCut() throws Exception {
    writeEveryUpdate();
    Files.write(log(), "not a record, just noise after the end".getBytes(), StandardOpenOption.APPEND);
    try (DiskDocumentStore store = assertRecovers(updateCount())) {
      assertEquals(1, store.stats().tailsCut());
    }
  }

  @Test
  void aZeroFilledTailAsAPowerLossCanLeaveIsCut() throws Exception {
    writeEveryUpdate();
    Files.write(log(), new byte[4096], StandardOpenOption.APPEND);
    try (DiskDocumentStore store = assertRecovers(updateCount())) {
      assertEquals(4096, store.stats().bytesCut());
      assertTrue(loggedText().contains("all zeros"), loggedText());
    }
  }

  @Test
  void aLastRecordWithAFlippedChecksumByteIsCut() throws Exception {
    writeEveryUpdate();
    flipByte(log(), recordBytes(updateCount() - 1) + 5);
    try (DiskDocumentStore store = assertRecovers(updateCount() - 1)) {
      assertEquals(1, store.stats().tailsCut());
      assertFalse(loggedText().contains("middle"), loggedText());
    }
  }

  @Test
  void damageInTheMiddleDropsEverythingFromTheDamagedRecordOnAndSaysSo() throws Exception {
    writeEveryUpdate();
    int damaged = updateCount() / 2;
    flipByte(log(), recordBytes(damaged) + RecordFormat.HEADER_BYTES);
    try (DiskDocumentStore store = assertRecovers(damaged)) {
      assertEquals(recordBytes(updateCount()) - recordBytes(damaged), store.stats().bytesCut());
      assertTrue(loggedText().contains("middle of the log"), loggedText());
    }
  }

  @Test
  void aDamagedLengthIsCutWithoutBelievingIt() throws Exception {
    writeEveryUpdate();
    long lastRecord = recordBytes(updateCount() - 1);
    try (FileChannel file = FileChannel.open(log(), StandardOpenOption.WRITE)) {
      file.write(ByteBuffer.allocate(4).putInt(0, Integer.MAX_VALUE), lastRecord);
    }
    assertRecovers(updateCount() - 1).close();
  }

  @Test
  void aCrashBetweenTheSnapshotRenameAndTheLogReplacementLosesNothing() throws Exception {
    writeEveryUpdate();
    Path oldLog = directory.resolve("old-log");
    Files.copy(log(), oldLog);
    try (DiskDocumentStore store = open()) {
      result(store.compact(DOC));
    }
    // What a crash after step 2 of a compaction leaves: the new snapshot beside the whole old log.
    Files.move(oldLog, log(), StandardCopyOption.REPLACE_EXISTING);
    try (DiskDocumentStore store = open()) {
      List<byte[]> loaded = result(store.load(DOC));
      assertEquals(1 + updateCount(), loaded.size(), "the snapshot, then the old log again");
      assertSameDocument(client.doc(), rebuild(loaded));
      result(store.compact(DOC));
      assertSameDocument(client.doc(), rebuild(result(store.load(DOC))));
    }
  }

  @Test
  void aSnapshotThatAnInterruptedDeleteLeftIsRemoved() throws Exception {
    writeEveryUpdate();
    try (DiskDocumentStore store = open()) {
      result(store.compact(DOC));
    }
    Files.delete(log());
    try (DiskDocumentStore store = open()) {
      assertEquals(List.of(), result(store.load(DOC)));
      assertFalse(Files.exists(snapshot()));
    }
  }

  @Test
  void aDamagedSnapshotFailsTheLoadWithAReason() throws Exception {
    writeEveryUpdate();
    try (DiskDocumentStore store = open()) {
      result(store.compact(DOC));
    }
    flipByte(snapshot(), Files.size(snapshot()) - 1);
    try (DiskDocumentStore store = open()) {
      Throwable failure = failure(store.load(DOC));
      assertInstanceOf(StoreException.class, failure);
      assertTrue(failure.getMessage().contains("snapshot"), failure.getMessage());
    }
  }

  @Test
  void tempFilesOfInterruptedCompactionsAreRemovedWhenTheStoreOpens() throws Exception {
    writeEveryUpdate();
    Path temp = directory.resolve(FileNames.encode(DOC) + ".snap.7" + DocumentFiles.TEMP_SUFFIX);
    Files.write(temp, new byte[] {1, 2, 3});
    try (DiskDocumentStore store = open()) {
      assertFalse(Files.exists(temp));
      assertSameDocument(client.doc(), rebuild(result(store.load(DOC))));
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
      channel.write(one, offset);
    }
  }
}
