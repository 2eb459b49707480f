package org.ensemble.server.store.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.store.StoreException;
import org.ensemble.server.store.StoreThreads;

/**
 * The embedded metadata store: one file per key, {@code stem.meta} with the key's base32
 * {@link FileNames stem}, holding one record in the {@link RecordFormat} (so damage is detected, not
 * returned). A put writes {@code stem.N.tmp}, fsyncs it, renames it over the record and fsyncs the
 * directory: a crash leaves the old value or the new one. Temp files left by a crash are removed when
 * the store opens.
 *
 * <p>Every operation runs on one thread of the store's, in the order it was called, so two puts of
 * one key land in call order. Metadata is small and rarely written; this store does not group fsyncs.
 * {@link #keys} lists the directory, which is fine for thousands of keys, not millions.
 */
public final class DiskMetadataStore implements MetadataStore {
  static final String VALUE_SUFFIX = ".meta";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final int maxValueBytes;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(StoreThreads.named("ensemble-disk-metadata"));
  private long tempSequence;

  private DiskMetadataStore(Path directory, int maxValueBytes) {
    this.directory = directory;
    this.maxValueBytes = maxValueBytes;
  }

  /** Opens (creating if needed) the store in {@code directory}; blocks for that I/O. */
  public static DiskMetadataStore open(Path directory) {
    return open(directory, DiskStoreConfig.DEFAULT_MAX_RECORD_BYTES);
  }

  public static DiskMetadataStore open(Path directory, int maxValueBytes) {
    try {
      Files.createDirectories(directory);
      DurableFiles.removeLeftovers(directory, DocumentFiles.TEMP_SUFFIX);
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot open the metadata store in " + directory + ": " + e, e);
    }
    return new DiskMetadataStore(directory, maxValueBytes);
  }

  @Override
  public CompletionStage<Optional<byte[]>> get(String key) {
    return run("reading key '" + key + "'", () -> {
      List<byte[]> values = new ArrayList<>(1);
      Path file = valueFile(key);
      try (FileChannel channel = FileChannel.open(file)) {
        RecordReader.Scan scan = RecordReader.scan(channel, channel.size(), maxValueBytes, values::add);
        if (!scan.clean() || values.size() != 1) {
          throw new StoreException("the record of key '" + key + "' is damaged: "
              + (scan.clean() ? values.size() + " records instead of one" : scan.problem()));
        }
        return Optional.of(values.get(0));
      } catch (NoSuchFileException absent) {
        return Optional.empty();
      }
    });
  }

  @Override
  public CompletionStage<Void> put(String key, byte[] value) {
    if (value.length > maxValueBytes) {
      return CompletableFuture.failedStage(new StoreException("a value of " + value.length
          + " bytes is larger than the " + maxValueBytes + " bytes the store accepts"));
    }
    return run("writing key '" + key + "'", () -> {
      Path file = valueFile(key);
      Path temp = directory.resolve(FileNames.encode(key) + "." + (++tempSequence)
          + DocumentFiles.TEMP_SUFFIX);
      DurableFiles.writeAndRename(temp, file, RecordFormat.encode(value));
      DurableFiles.syncDirectory(directory);
      return null;
    });
  }

  @Override
  public CompletionStage<Void> delete(String key) {
    return run("deleting key '" + key + "'", () -> {
      if (Files.deleteIfExists(valueFile(key))) {
        DurableFiles.syncDirectory(directory);
      }
      return null;
    });
  }

  @Override
  public CompletionStage<List<String>> keys(String prefix) {
    return run("listing the keys that start with '" + prefix + "'", () -> {
      List<String> keys = new ArrayList<>();
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = file.getFileName().toString();
          if (name.endsWith(VALUE_SUFFIX)) {
            FileNames.decode(name.substring(0, name.length() - VALUE_SUFFIX.length()))
                .filter(key -> key.startsWith(prefix))
                .ifPresent(keys::add);
          }
        }
      }
      keys.sort(null);
      return keys;
    });
  }

  private Path valueFile(String key) {
    return directory.resolve(FileNames.encode(key) + VALUE_SUFFIX);
  }

  private <T> CompletionStage<T> run(String what, Callable<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    try {
      worker.execute(() -> {
        try {
          done.complete(work.call());
        } catch (Exception e) {
          done.completeExceptionally(Outcomes.asStoreException(what, e));
        }
      });
    } catch (RejectedExecutionException closed) {
      return CompletableFuture.failedStage(new StoreException("the metadata store is closed"));
    }
    return done.minimalCompletionStage();
  }

  /** Refuses new work and waits for the operations already asked for. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
