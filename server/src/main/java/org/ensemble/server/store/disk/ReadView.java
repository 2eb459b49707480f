package org.ensemble.server.store.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.server.store.StoreException;

/**
 * A consistent view of one document's files for a reader (a load, a compaction), captured by the
 * writer thread between two of its changes: read-only channels on the snapshot and the log as they
 * were, and how much of the log was durable then. Compaction and delete never change a file in place
 * (they rename a new one over it or unlink it), so the channels keep reading the captured content
 * while the writer moves on; appends only add bytes beyond {@code logLimit}.
 *
 * @param snapshot the snapshot file, or null when the document has none
 * @param log the log file, or null when the document has none
 * @param logLimit the bytes of {@code log} that hold acknowledged (durable) records
 */
record ReadView(String docId, FileChannel snapshot, FileChannel log, long logLimit)
    implements AutoCloseable {
  /**
   * A snapshot merges many updates and may outgrow the limit on one appended update; its length is
   * still checked against the file's size before anything is allocated.
   */
  private static final int MAX_SNAPSHOT_BYTES = Integer.MAX_VALUE - 16;

  /** The snapshot's update (if any) followed by the log's, as {@code DocumentStore.load} returns them. */
  List<byte[]> readAll(int plausibleRecordBytes) throws IOException {
    List<byte[]> updates = new ArrayList<>();
    if (snapshot != null) {
      RecordReader.Scan scan =
          RecordReader.scan(snapshot, snapshot.size(), MAX_SNAPSHOT_BYTES, updates::add);
      if (!scan.clean() || scan.records() != 1) {
        throw new StoreException("the snapshot of document '" + docId + "' is damaged: "
            + (scan.clean() ? scan.records() + " records instead of one" : scan.problem()));
      }
    }
    if (log != null) {
      // The writer validated (or wrote) every byte below logLimit, so a problem here is new damage.
      RecordReader.Scan scan = RecordReader.scan(log, logLimit, plausibleRecordBytes, updates::add);
      if (!scan.clean()) {
        throw new StoreException("the log of document '" + docId + "' was damaged after it was "
            + "written: " + scan.problem());
      }
    }
    return updates;
  }

  @Override
  public void close() {
    closeQuietly(snapshot);
    closeQuietly(log);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // A read-only channel has nothing to flush; failing to close it loses nothing.
    }
  }
}
