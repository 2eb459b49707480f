package org.ensemble.server.store.disk;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.ensemble.protocol.crdt.Doc;

/**
 * The child process of {@link DiskStoreCrashIT}: appends to a disk store as fast as it can until it is
 * killed, and prints {@code <document> <value>} on stdout for every append that completed, only after
 * it completed. Each document gets updates from one Yjs client that pushes the values 0, 1, 2, ...
 * (plus {@code base}) onto the array {@value #ARRAY}.
 *
 * <p>Arguments: the store's directory, its compaction threshold in bytes, the number of documents and
 * the base value (so that several runs on one directory stay apart).
 */
public final class AppendUntilKilled {
  static final String ARRAY = "values";
  /** Appends in flight at once, so that batches form as they would under a busy server. */
  private static final int WINDOW = 64;

  private AppendUntilKilled() {}

  static String documentId(int index) {
    return "crash-" + index;
  }

  public static void main(String[] args) throws InterruptedException {
    Path directory = Path.of(args[0]);
    long compactionThreshold = Long.parseLong(args[1]);
    int documents = Integer.parseInt(args[2]);
    int base = Integer.parseInt(args[3]);
    PrintStream acks =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(directory)
        .withCompactionThreshold(compactionThreshold));
    Doc[] clients = new Doc[documents];
    byte[][] lastUpdate = new byte[documents][];
    for (int d = 0; d < documents; d++) {
      int index = d;
      clients[d] = new Doc();
      clients[d].onUpdate((update, origin, transaction) -> lastUpdate[index] = update);
    }
    Semaphore window = new Semaphore(WINDOW);
    acks.println("ready");
    for (int value = base; ; value++) {
      for (int d = 0; d < documents; d++) {
        clients[d].getArray(ARRAY).push(List.of(value));
        String ack = d + " " + value;
        window.acquire();
        store.append(documentId(d), lastUpdate[d]).whenComplete((ignored, failure) -> {
          window.release();
          if (failure == null) {
            acks.println(ack);
          } else {
            System.err.println("append " + ack + " failed: " + failure);
          }
        });
      }
    }
  }
}
