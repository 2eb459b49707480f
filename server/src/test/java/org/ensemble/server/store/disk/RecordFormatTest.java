package org.ensemble.server.store.disk;

import static org.ensemble.server.testing.Await.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locks the on-disk record layout: files written today must stay readable. */
class RecordFormatTest {
  @TempDir
  Path directory;

  private static byte[] expectedRecord(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(new byte[] {0, 0, 0, (byte) payload.length});
    crc.update(payload);
    return ByteBuffer.allocate(8 + payload.length)
        .putInt(payload.length).putInt((int) crc.getValue()).put(payload).array();
  }

  @Test
  void aRecordIsLengthThenChecksumOfLengthAndPayloadThenPayload() {
    byte[] payload = {0, 0, 7, 42};
    ByteBuffer encoded = RecordFormat.encode(payload);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    assertArrayEquals(expectedRecord(payload), bytes);
  }

  @Test
  void theLogHoldsOneRecordPerAppendAndNothingElse() throws Exception {
    byte[] first = {0, 0};
    byte[] second = {1, 2, 3};
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory))) {
      result(store.append("d", first));
      result(store.append("d", second));
    }
    byte[] log = Files.readAllBytes(directory.resolve(FileNames.encode("d") + DocumentFiles.LOG_SUFFIX));
    ByteBuffer expected = ByteBuffer.allocate(8 + 2 + 8 + 3)
        .put(expectedRecord(first)).put(expectedRecord(second));
    assertArrayEquals(expected.array(), log);
    assertEquals(21, log.length);
  }
}
