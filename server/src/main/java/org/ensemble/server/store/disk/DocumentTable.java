package org.ensemble.server.store.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents the writer thread has open, least recently used first. Opening a document runs its
 * recovery (see {@link DocumentFiles#open}); closing it only closes its log channel, since everything
 * it knows can be read back from disk. Confined to the writer thread.
 */
final class DocumentTable {
  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());
  private static final float LOAD_FACTOR = 0.75f;

  private final DiskStoreConfig config;
  private final StoreCounters counters;
  private final Map<String, DocumentFiles> open;

  DocumentTable(DiskStoreConfig config, StoreCounters counters) {
    this.config = config;
    this.counters = counters;
    this.open = new LinkedHashMap<>(16, LOAD_FACTOR, true);
  }

  /** The document's files, opening them if needed; null when nothing of it is stored. */
  DocumentFiles find(String docId) throws IOException {
    DocumentFiles files = open.get(docId);
    if (files == null) {
      files = DocumentFiles.open(directory(), docId, config.compactionThreshold(),
          config.maxRecordBytes(), counters);
      if (files != null) {
        open.put(docId, files);
      }
    }
    return files;
  }

  /** Like {@link #find}, but a document with nothing stored is created (for an append). */
  DocumentFiles obtain(String docId) throws IOException {
    DocumentFiles files = find(docId);
    if (files == null) {
      files = DocumentFiles.fresh(directory(), docId, config.compactionThreshold());
      open.put(docId, files);
    }
    return files;
  }

  /** The open files of {@code docId} if they are exactly {@code files} (not deleted or reopened). */
  boolean isCurrent(DocumentFiles files) {
    return open.get(files.docId) == files;
  }

  /** Forgets the document, closing its log; a later use reopens (and rescans) it. */
  DocumentFiles forget(String docId) {
    DocumentFiles files = open.remove(docId);
    if (files != null) {
      closeQuietly(files);
    }
    return files;
  }

  /** Closes the least recently used documents beyond the configured number, sparing compactions. */
  void evictIdle() {
    Iterator<DocumentFiles> eldestFirst = open.values().iterator();
    int excess = open.size() - config.maxOpenDocuments();
    while (excess > 0 && eldestFirst.hasNext()) {
      DocumentFiles files = eldestFirst.next();
      if (!files.compacting) {
        eldestFirst.remove();
        closeQuietly(files);
        excess--;
      }
    }
  }

  void closeAll() {
    open.values().forEach(DocumentTable::closeQuietly);
    open.clear();
  }

  Path directory() {
    return config.directory();
  }

  /** Makes new, renamed or removed names in the directory durable. */
  void syncDirectory() throws IOException {
    DurableFiles.syncDirectory(directory());
    counters.directorySyncs.incrementAndGet();
  }

  private static void closeQuietly(DocumentFiles files) {
    try {
      files.closeAppendChannel();
    } catch (IOException e) {
      // The journal keeps what this log may not have on disk (see Journal#close): nothing is lost.
      LOG.log(System.Logger.Level.WARNING, "closing the log of document '" + files.docId + "' failed", e);
    }
  }
}
