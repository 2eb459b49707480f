package org.ensemble.server.cluster;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.server.testing.ClusterNodeProcess;
import org.ensemble.server.testing.SyncClient;

/**
 * A collaborator that keeps going while nodes die: a writer pushes a note every few milliseconds, an
 * observer only reads. Either one, when its connection closes (its node died, or its room moved),
 * reconnects to the next node that is alive. Observers record every note they ever saw: the server
 * broadcasts only what Redis has, so what any observer saw was acknowledged.
 */
final class NoteStream implements AutoCloseable {
  private final Vertx vertx;
  private final Supplier<List<ClusterNodeProcess>> nodes;
  private final String project;
  private final String token;
  private final String prefix;
  private final boolean writes;
  private final long pauseMillis;
  private final Set<String> seen = new ConcurrentSkipListSet<>();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger reconnects = new AtomicInteger();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile SyncClient client;
  private int next;

  private NoteStream(Vertx vertx, Supplier<List<ClusterNodeProcess>> nodes, int firstNode, String project, String token,
                     String prefix, boolean writes, long pauseMillis) {
    this.vertx = vertx;
    this.nodes = nodes;
    this.next = firstNode;
    this.project = project;
    this.token = token;
    this.prefix = prefix;
    this.writes = writes;
    this.pauseMillis = pauseMillis;
    this.thread = new Thread(this::run, (writes ? "writer-" : "observer-") + prefix);
    thread.setDaemon(true);
  }

  static NoteStream writer(Vertx vertx, Supplier<List<ClusterNodeProcess>> nodes, int firstNode, String project,
                           String token, String prefix) {
    NoteStream s = new NoteStream(vertx, nodes, firstNode, project, token, prefix, true, 20);
    s.thread.start();
    return s;
  }

  static NoteStream observer(Vertx vertx, Supplier<List<ClusterNodeProcess>> nodes, int firstNode, String project,
                             String token) {
    NoteStream s = new NoteStream(vertx, nodes, firstNode, project, token, "observer" + firstNode, false, 20);
    s.thread.start();
    return s;
  }

  private void run() {
    int i = 0;
    while (!stopped) {
      try {
        SyncClient c = client;
        if (c == null || c.isClosed()) {
          c = connect();
          if (c == null) {
            Thread.sleep(100); // no node alive right now: try again shortly
            continue;
          }
          client = c;
        }
        if (writes) {
          String id = prefix + "-" + i;
          c.edit(doc -> doc.getArray("notes").push(List.of(Map.of("id", id))));
          written.incrementAndGet();
          i++;
        } else {
          seen.addAll(c.read(NoteStream::ids));
        }
        Thread.sleep(pauseMillis); // pacing the stream, not waiting for a result
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        client = null; // the connection broke mid-edit: reconnect
      }
    }
  }

  private SyncClient connect() {
    List<ClusterNodeProcess> all = nodes.get();
    for (int k = 0; k < all.size(); k++) {
      ClusterNodeProcess node = all.get((next + k) % all.size());
      if (!node.isAlive()) {
        continue;
      }
      try {
        SyncClient c = SyncClient.connectAndWait(vertx, node.port(), project, token).awaitSynced();
        next = (next + k) % all.size();
        reconnects.incrementAndGet();
        return c;
      } catch (Exception e) {
        // that node is starting, frozen or gone: try the next
      }
    }
    next++;
    return null;
  }

  static Set<String> ids(org.ensemble.protocol.crdt.Doc doc) {
    return new java.util.TreeSet<>(idList(doc));
  }

  /** Every note's id in document order, repeats included. */
  static List<String> idList(org.ensemble.protocol.crdt.Doc doc) {
    List<String> out = new ArrayList<>();
    YArray notes = doc.getArray("notes");
    for (Object o : notes.toArray()) {
      Object id = o instanceof Map<?, ?> m ? m.get("id") : null;
      if (id != null) {
        out.add(id.toString());
      }
    }
    return out;
  }

  Set<String> seen() {
    SyncClient c = client;
    if (c != null && !c.isClosed()) {
      try {
        seen.addAll(c.read(NoteStream::ids));
      } catch (Exception e) {
        // closing: what was seen before stands
      }
    }
    return seen;
  }

  int written() {
    return written.get();
  }

  int connections() {
    return reconnects.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join(10_000);
    SyncClient c = client;
    if (c != null) {
      c.close();
    }
  }

  static List<String> duplicates(List<String> ids) {
    List<String> out = new ArrayList<>();
    Set<String> once = new java.util.HashSet<>();
    for (String id : ids) {
      if (!once.add(id)) {
        out.add(id);
      }
    }
    return out;
  }
}
