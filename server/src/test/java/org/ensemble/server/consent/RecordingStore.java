package org.ensemble.server.consent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.ensemble.server.store.DocumentStore;

/** A real document store that also remembers every document id it was asked to load. */
final class RecordingStore implements DocumentStore {
  private final DocumentStore store;
  final Set<String> loaded = ConcurrentHashMap.newKeySet();

  RecordingStore(DocumentStore store) {
    this.store = store;
  }

  @Override
  public CompletionStage<List<byte[]>> load(String docId) {
    loaded.add(docId);
    return store.load(docId);
  }

  @Override
  public CompletionStage<Void> append(String docId, byte[] update) {
    return store.append(docId, update);
  }

  @Override
  public CompletionStage<Void> delete(String docId) {
    return store.delete(docId);
  }

  @Override
  public CompletionStage<Long> storedBytes(String docId) {
    return store.storedBytes(docId);
  }

  @Override
  public void close() {
    store.close();
  }
}
