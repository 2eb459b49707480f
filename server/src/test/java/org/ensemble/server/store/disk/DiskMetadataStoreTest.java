package org.ensemble.server.store.disk;

import static org.ensemble.server.testing.Await.failure;
import static org.ensemble.server.testing.Await.result;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.MetadataStoreContract;
import org.ensemble.server.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link MetadataStoreContract} for the disk store, and what only the disk store does. */
class DiskMetadataStoreTest extends MetadataStoreContract {
  @TempDir
  Path directory;

  @Override
  protected MetadataStore open() {
    return DiskMetadataStore.open(directory, MAX_VALUE_BYTES);
  }

  @Test
  void aDamagedRecordIsReportedNotReturned() throws Exception {
    try (MetadataStore store = open()) {
      result(store.put("user:1", "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8)));
    }
    Path file = directory.resolve(FileNames.encode("user:1") + DiskMetadataStore.VALUE_SUFFIX);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 2] ^= 1;
    Files.write(file, bytes);
    try (MetadataStore store = open()) {
      Throwable failure = failure(store.get("user:1"));
      assertInstanceOf(StoreException.class, failure);
      assertTrue(failure.getMessage().contains("damaged"), failure.getMessage());
    }
  }

  @Test
  void tempFilesOfInterruptedPutsAreRemovedAndIgnored() throws Exception {
    Path temp = directory.resolve(FileNames.encode("user:1") + ".3" + DocumentFiles.TEMP_SUFFIX);
    Files.write(temp, new byte[] {1, 2, 3});
    try (MetadataStore store = open()) {
      assertFalse(Files.exists(temp));
      assertTrue(result(store.keys("")).isEmpty());
    }
  }
}
