package org.ensemble.server.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Small durable records by key (project settings, memberships, user records): the server keeps them
 * as JSON. A {@link #put} replaces the record atomically and completes once it is durable, so a crash
 * leaves either the old or the new record, never a torn one. Puts and deletes of one key take effect
 * in the order they were called. Keys obey the limits on document ids. Thread-safe, non-blocking,
 * failures as {@link StoreException}, arrays not copied; like {@link DocumentStore}.
 */
public interface MetadataStore extends AutoCloseable {

  CompletionStage<Optional<byte[]>> get(String key);

  CompletionStage<Void> put(String key, byte[] value);

  CompletionStage<Void> delete(String key);

  /** The keys that start with {@code prefix} (all of them for ""), sorted as {@link String}s sort. */
  CompletionStage<List<String>> keys(String prefix);

  @Override
  void close();
}
