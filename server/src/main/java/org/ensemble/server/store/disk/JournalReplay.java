package org.ensemble.server.store.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a crash, puts back into the documents' logs what the {@link Journal} acknowledged and the logs
 * lost (their writes were never fsynced), then removes the journal. Runs when the store opens, before
 * anything else touches the files.
 *
 * <p>A log keeps a prefix of its records (its torn tail is cut when it is opened); the journal's
 * appends for that document since its last reset are in log order with their offsets, so those that
 * end within the log are there already and the rest are appended in order.
 */
final class JournalReplay {
  private static final System.Logger LOG = System.getLogger(DiskDocumentStore.class.getName());

  private JournalReplay() {}

  /** Replays the journal of the store in {@code config.directory()}; returns the records rewritten. */
  static long run(DiskStoreConfig config, StoreCounters counters) throws IOException {
    Path journal = config.directory().resolve(Journal.DIRECTORY);
    List<Path> segments = Journal.segments(journal);
    if (segments.isEmpty()) {
      return 0;
    }
    Map<String, List<JournalEntry>> pending = new LinkedHashMap<>();
    for (Path segment : segments) {
      try (FileChannel channel = FileChannel.open(segment)) {
        // A segment ends at its first zeroed (or torn) record: only what was fsynced is believed.
        RecordReader.scan(channel, channel.size(), config.maxRecordBytes(), payload -> {
          JournalEntry entry = JournalEntry.decode(payload);
          if (entry.kind() == JournalEntry.RESET) {
            pending.remove(entry.docId());
          } else {
            pending.computeIfAbsent(entry.docId(), id -> new ArrayList<>()).add(entry);
          }
        });
      }
    }
    long rewritten = 0;
    for (Map.Entry<String, List<JournalEntry>> document : pending.entrySet()) {
      rewritten += restore(config, counters, document.getKey(), document.getValue());
    }
    DurableFiles.syncDirectory(config.directory());
    for (Path segment : segments) {
      Files.delete(segment);
    }
    DurableFiles.syncDirectory(journal);
    if (rewritten > 0) {
      LOG.log(System.Logger.Level.WARNING, "the journal restored " + rewritten + " acknowledged records"
          + " that document logs had lost in a crash");
    }
    return rewritten;
  }

  private static long restore(DiskStoreConfig config, StoreCounters counters, String docId,
      List<JournalEntry> entries) throws IOException {
    DocumentFiles files = DocumentFiles.open(config.directory(), docId, config.compactionThreshold(),
        config.maxRecordBytes(), counters);
    if (files == null) {
      files = DocumentFiles.fresh(config.directory(), docId, config.compactionThreshold());
    }
    try {
      long end = files.logSize;
      List<byte[]> missing = new ArrayList<>();
      for (JournalEntry entry : entries) {
        if (entry.logOffset() + entry.logRecordBytes() > end || !missing.isEmpty()) {
          missing.add(entry.update());
        }
      }
      if (!missing.isEmpty()) {
        FileChannel channel = files.appendChannel();
        DurableFiles.writeFully(channel, RecordFormat.encode(missing), end);
        channel.force(false);
      }
      return missing.size();
    } finally {
      files.closeAppendChannel();
    }
  }
}
