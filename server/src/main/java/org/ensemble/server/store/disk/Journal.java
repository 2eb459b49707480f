package org.ensemble.server.store.disk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ensemble.server.store.StoreThreads;

/**
 * The write-ahead journal that makes a group commit durable with one {@code fdatasync}, however many
 * documents the batch touched. Every append is written to its document's log (not fsynced) and to the
 * journal, and the journal alone is fsynced before the batch is acknowledged.
 *
 * <p>Why: fsyncing a document's log makes ext4 commit its metadata journal (the file grew), which
 * waits for every other process's metadata and costs a commit per document; the journal's segments
 * are allocated and zero-filled before use, so syncing one writes just the new data blocks.
 *
 * <p>Segments ({@code journal/NNNNNNNNNNNNNNNN.journal}) hold {@link RecordFormat} records of
 * {@link JournalEntry}s. When the active one is full, the next (prepared in the background) takes
 * over; in the background the logs written under the old one are fsynced, then it is deleted. A clean close does the
 * same and leaves no segment. After a crash, {@link JournalReplay} rewrites into the logs whatever the
 * journal has and they lost. Confined to the writer thread, except the background preparation and the
 * fsyncs ({@link SyncPipeline}).
 */
final class Journal {
  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());
  static final String DIRECTORY = "journal";
  static final String SUFFIX = ".journal";
  private static final int ZERO_CHUNK_BYTES = 1024 * 1024;

  private final Path directory;
  private final long segmentBytes;
  private final ExecutorService preparer;
  private final SyncPipeline syncs;
  private final AtomicLong fsyncNanos = new AtomicLong();
  /** Logs written since the active segment began: fsynced before an older segment is dropped. */
  private final Set<DocumentFiles> written = new LinkedHashSet<>();
  private long nextSequence;
  private Path activePath;
  private FileChannel active;
  private long position;
  private CompletableFuture<Path> spare;
  /** Set when a retired segment could not be dropped safely: then nothing is deleted any more. */
  private volatile boolean keep;

  private Journal(Path directory, long segmentBytes, long firstSequence, int syncsInFlight) {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.nextSequence = firstSequence;
    this.preparer = Executors.newSingleThreadExecutor(StoreThreads.named("ensemble-disk-journal"));
    this.syncs = new SyncPipeline(syncsInFlight);
  }

  /**
   * Opens a fresh journal in {@code storeDirectory} (after {@link JournalReplay} emptied it); its
   * first segment is prepared in the background, the next one once that is half full. Up to
   * {@code syncsInFlight} batches are fsynced at once ({@link SyncPipeline}).
   */
  static Journal open(Path storeDirectory, long segmentBytes, int syncsInFlight) throws IOException {
    Path directory = storeDirectory.resolve(DIRECTORY);
    Files.createDirectories(directory);
    Journal journal = new Journal(directory, segmentBytes, nextSequence(directory), syncsInFlight);
    journal.spare = journal.prepareNext();
    return journal;
  }

  /** The segments in {@code directory}, oldest first. */
  static List<Path> segments(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  private static long nextSequence(Path directory) throws IOException {
    List<Path> existing = segments(directory);
    if (existing.isEmpty()) {
      return 1;
    }
    String last = existing.get(existing.size() - 1).getFileName().toString();
    return Long.parseLong(last.substring(0, last.length() - SUFFIX.length())) + 1;
  }

  /** Writes {@code entries} (not yet durable); {@code touched} are the logs the batch wrote. */
  void write(List<JournalEntry> entries, List<DocumentFiles> touched) throws IOException {
    List<byte[]> payloads = new ArrayList<>(entries.size());
    entries.forEach(entry -> payloads.add(entry.encode()));
    ByteBuffer records = RecordFormat.encode(payloads);
    if (active == null || position + records.remaining() > segmentBytes) {
      roll();
    }
    written.addAll(touched);
    DurableFiles.writeFully(active, records, position);
    position += records.capacity();
    if (spare == null && position > segmentBytes / 2) {
      spare = prepareNext();
    }
  }

  /** Makes everything written so far durable, on this thread. */
  void sync() throws IOException {
    active.force(false);
  }

  /**
   * Makes everything written so far durable in the background, the one fsync of a group commit,
   * then calls {@code durable} (or {@code failed}), in the order of the calls. Blocks while the
   * most fsyncs allowed are running.
   */
  void syncThen(Runnable durable, Consumer<IOException> failed) throws InterruptedException {
    FileChannel segment = active;
    syncs.submit(() -> {
      long start = System.nanoTime();
      segment.force(false);
      fsyncNanos.addAndGet(System.nanoTime() - start);
    }, durable, failed);
  }

  /** The time the group commits' fsyncs took so far, together. */
  long fsyncNanos() {
    return fsyncNanos.get();
  }

  /** Why the journal refuses batches: its first failed fsync; null while none failed. */
  IOException failure() {
    return syncs.failure();
  }

  /** Journals and syncs a reset of {@code docId}: what came before it is no longer needed. */
  void reset(String docId) throws IOException {
    write(List.of(JournalEntry.reset(docId)), List.of());
    sync();
  }

  /**
   * Starts the next segment. The old one is retired in the background: the logs written under it are
   * fsynced (the writer goes on meanwhile, into the new segment), then it is deleted.
   */
  private void roll() throws IOException {
    CompletableFuture<Path> prepared = spare != null ? spare : prepareNext();
    spare = null;
    Path next;
    try {
      next = prepared.join();
    } catch (RuntimeException preparationFailed) {
      next = prepareSegment(nextSequence++);
    }
    FileChannel opened = FileChannel.open(next, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (active != null) {
      awaitSyncs(); // closing the segment under a running fsync would fail its batch
      active.close();
      Path old = activePath;
      List<FileChannel> logs = new ArrayList<>(written.size());
      for (DocumentFiles files : written) {
        FileChannel log = files.openChannel();
        if (log != null) {
          logs.add(log); // a log closed since was fsynced by its close
        }
      }
      written.clear();
      preparer.execute(() -> retire(old, logs));
    }
    active = opened;
    activePath = next;
    position = 0;
  }

  /** On the background thread: fsyncs the logs a segment covers, then deletes the segment. */
  private void retire(Path segment, List<FileChannel> logs) {
    try {
      for (FileChannel log : logs) {
        try {
          log.force(false);
        } catch (ClosedChannelException closedMeanwhile) {
          // closing a log fsyncs it first
        }
      }
      // New logs' names must be durable before the journal that could recreate them goes.
      DurableFiles.syncDirectory(directory.getParent());
      Files.deleteIfExists(segment);
    } catch (IOException e) {
      keep = true;
      LOG.log(System.Logger.Level.ERROR, "fsyncing the logs that journal segment " + segment
          + " covers failed; the journal is kept until the next start replays it", e);
    }
  }

  private void awaitSyncs() throws InterruptedIOException {
    try {
      syncs.drain();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the journal's fsyncs ran");
    }
  }

  private CompletableFuture<Path> prepareNext() {
    long sequence = nextSequence++;
    return CompletableFuture.supplyAsync(() -> {
      try {
        return prepareSegment(sequence);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, preparer);
  }

  /** A segment full of zeros, fsynced with its name: syncing data written into it changes no metadata. */
  private Path prepareSegment(long sequence) throws IOException {
    Path path = directory.resolve(String.format("%016d", sequence) + SUFFIX);
    Path temp = directory.resolve(path.getFileName() + DocumentFiles.TEMP_SUFFIX);
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK_BYTES);
      for (long at = 0; at < segmentBytes; at += ZERO_CHUNK_BYTES) {
        zeros.clear().limit((int) Math.min(ZERO_CHUNK_BYTES, segmentBytes - at));
        DurableFiles.writeFully(out, zeros, at);
      }
      out.force(true);
    }
    DurableFiles.rename(temp, path);
    DurableFiles.syncDirectory(directory);
    return path;
  }

  /**
   * A clean end, after the store fsynced and closed every log: every segment, the spare too, is
   * deleted, so the next start has nothing to replay. Kept when a log could not be fsynced.
   */
  void close() throws IOException {
    preparer.shutdown();
    try {
      syncs.close();
      preparer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      keep = true;
    }
    if (active != null) {
      active.close();
      active = null;
    }
    boolean synced = written.stream().noneMatch(files -> files.dirty);
    if (keep || !synced || syncs.failure() != null) {
      LOG.log(System.Logger.Level.WARNING, "the journal is kept: some logs may not be on disk yet");
      return;
    }
    DurableFiles.syncDirectory(directory.getParent());
    for (Path segment : segments(directory)) {
      Files.delete(segment);
    }
  }
}
