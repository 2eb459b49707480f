package org.ensemble.server.attribution;

import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskStoreConfig;
import org.junit.jupiter.api.io.TempDir;

/** The {@link LedgerStoreContract} on the embedded disk store. */
class DiskLedgerStoreTest extends LedgerStoreContract {
  @TempDir
  Path directory;

  @Override
  protected DocumentStore open(long compactionThreshold) {
    return DiskDocumentStore.open(DiskStoreConfig.defaults(directory).withCompactionThreshold(compactionThreshold));
  }

  @Override
  protected CompletionStage<Void> compact(DocumentStore store, String docId) {
    return ((DiskDocumentStore) store).compact(docId);
  }
}
