package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.UpdateContents;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskStoreConfig;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.UpdateGate;

/**
 * How big the ledger grows in an hour of co-writing: a benchmark, not a test (run its main with the
 * test classpath). A seeded script plays three people and the AI on a four-track chorale for one
 * simulated hour through the real gate and the embedded disk store:
 *
 * <ul>
 *   <li>each person acts every 2–6 s (about 900 actions each): 35% add a note, 25% drag a note (five
 *       updates of its start, as a piano roll sends while dragging), 10% transpose, 10% change a
 *       duration, 5% a velocity, 8% delete a note, 5% paste a copy of 8 notes, 2% delete a bar (8 notes);
 *   <li>every 3 minutes the AI writes a suggestion of 32 notes, accepted 60% of the time (moved into a
 *       track) and rejected otherwise.
 * </ul>
 *
 * Prints the ledger's stored bytes (log, and after compaction), per entry, beside the document's, and
 * the gate's CPU cost per update (check, entry encoding) without the store.
 */
public final class LedgerSizeBenchmark {
  private static final int PEOPLE = 3;
  private static final long HOUR_MS = 3_600_000;
  private static final String PROJECT = "benchmarkhour";
  private static final String[] TRACKS = {"soprano", "alto", "tenor", "bass"};

  private LedgerSizeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("ledger-benchmark");
    Vertx vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    long[] now = {1_764_150_000_000L};
    List<UpdateContents> recorded = new ArrayList<>();
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(dir))) {
      Attribution attribution = new Attribution(store, () -> now[0]);
      UpdateGate gate = on(context, () -> attribution.open(PROJECT, context));
      Random random = new Random(42);
      Doc[] docs = new Doc[PEOPLE];
      RoomConnection[] people = new RoomConnection[PEOPLE];
      for (int i = 0; i < PEOPLE; i++) {
        docs[i] = new Doc();
        people[i] = UserConnection.editor("person" + i);
      }
      Session session = new Session(store, gate, context, docs, recorded);
      session.edit(0, people[0], d -> {
        for (String t : TRACKS) {
          for (int n = 0; n < 16; n++) {
            Notes.add(d, t, t + "-" + n, 48 + random.nextInt(30), n * 480);
          }
        }
      });
      PriorityQueue<long[]> events = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
      for (int p = 0; p < PEOPLE; p++) {
        events.add(new long[] {2000 + random.nextInt(4000), p});
      }
      events.add(new long[] {180_000, -1});
      int counter = 0;
      long t0 = now[0];
      while (!events.isEmpty() && events.peek()[0] < HOUR_MS) {
        long[] ev = events.poll();
        now[0] = t0 + ev[0];
        int who = (int) ev[1];
        if (who < 0) {
          session.aiRound(random, counter++);
          events.add(new long[] {ev[0] + 180_000, -1});
          continue;
        }
        session.personAction(who, people[who], random, counter++);
        events.add(new long[] {ev[0] + 2000 + random.nextInt(4000), who});
      }
      long ledgerLog = store.storedBytes(LedgerLog.docId(PROJECT)).toCompletableFuture().get();
      long docLog = store.storedBytes(PROJECT).toCompletableFuture().get();
      store.compact(LedgerLog.docId(PROJECT)).toCompletableFuture().get();
      store.compact(PROJECT).toCompletableFuture().get();
      long ledgerCompact = store.storedBytes(LedgerLog.docId(PROJECT)).toCompletableFuture().get();
      long docCompact = store.storedBytes(PROJECT).toCompletableFuture().get();
      Ledger ledger = attribution.ledger(PROJECT).toCompletableFuture().get();
      int entries = ledger.size();
      System.out.printf(Locale.ROOT, "one simulated hour: %d updates by %d people and the AI (%d notes in the end)%n",
          recorded.size(), PEOPLE, session.noteCount());
      System.out.printf(Locale.ROOT, "ledger: %d entries, %d id runs in memory; stored %,d bytes as appended (%.1f B/entry),"
          + " %,d bytes after compaction (%.1f B/entry)%n", entries, ledger.runCount(), ledgerLog,
          (double) ledgerLog / entries, ledgerCompact, (double) ledgerCompact / entries);
      System.out.printf(Locale.ROOT, "document: %,d bytes as appended, %,d bytes after compaction;"
          + " the ledger is %.0f%% of the compacted document%n", docLog, docCompact, 100.0 * ledgerCompact / docCompact);
      gateCost(vertx, recorded, people[0]);
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        ProjectAttribution view = on(context, () -> attribution.attribution(vertx, PROJECT));
        view.stats();
        best = Math.min(best, System.nanoTime() - start);
      }
      long bestOpen = Long.MAX_VALUE;
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        on(context, () -> attribution.open(PROJECT, context));
        bestOpen = Math.min(bestOpen, System.nanoTime() - start);
      }
      System.out.printf(Locale.ROOT, "opening the room's gate (reading the ledger), best of 10: %d ms%n", bestOpen / 1_000_000);
      System.out.printf(Locale.ROOT, "an attribution query (load both, replay with gc off, statistics), best of 10: %d ms%n",
          best / 1_000_000);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The gate's work per update without the store: the binding check and the entry's encoding. */
  private static void gateCost(Vertx vertx, List<UpdateContents> recorded, RoomConnection who) {
    java.util.Map<Long, String> owners = new java.util.HashMap<>();
    AttributionGate gate = new AttributionGate(owners, null, () -> 0L);
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 20; round++) {
      long start = System.nanoTime();
      long bytes = 0;
      for (UpdateContents c : recorded) {
        gate.check(who, c, x -> 0);
        LedgerEntry e = new LedgerEntry(0, Attributes.human("person0", "person0", 1), c.inserted(), java.util.Map.of());
        bytes += LedgerLog.entryUpdate(1, EntryCodec.encode(e, 0)).length;
      }
      best = Math.min(best, System.nanoTime() - start);
      if (bytes == 0) {
        throw new AssertionError();
      }
    }
    System.out.printf(Locale.ROOT, "gate CPU per update (check + encode, best of 20): %.2f µs%n",
        best / 1000.0 / recorded.size());
  }

  static <T> T on(Context context, Supplier<Future<T>> task) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> task.get().onComplete(ar -> {
      if (ar.succeeded()) {
        f.complete(ar.result());
      } else {
        f.completeExceptionally(ar.cause());
      }
    }));
    return f.get(60, TimeUnit.SECONDS);
  }

  /** The shared state of the simulated session: everyone's document, kept in sync after each edit. */
  private static final class Session {
    private final DiskDocumentStore store;
    private final UpdateGate gate;
    private final Context context;
    private final Doc[] docs;
    private final Doc server = new Doc();

    {
      server.setClientId(ServerClientIds.AI);
    }
    private final List<UpdateContents> recorded;

    Session(DiskDocumentStore store, UpdateGate gate, Context context, Doc[] docs, List<UpdateContents> recorded) {
      this.store = store;
      this.gate = gate;
      this.context = context;
      this.docs = docs;
      this.recorded = recorded;
    }

    int noteCount() {
      int n = 0;
      for (Object t : server.getArray("tracks")) {
        n += ((YArray) ((YMap) t).get("notes")).length();
      }
      return n;
    }

    /** One transaction of {@code docs[who]} (or of the server's copy for the AI), through the gate and the store. */
    void edit(int who, RoomConnection from, Consumer<Doc> change) throws Exception {
      Doc doc = who < 0 ? server : docs[who];
      List<byte[]> produced = new ArrayList<>();
      var sub = doc.onUpdate((u, o, t) -> produced.add(u));
      doc.transact(t -> change.accept(doc));
      sub.close();
      if (produced.isEmpty()) {
        return;
      }
      byte[] update = Updates.mergeUpdates(produced);
      UpdateContents contents = Updates.readContents(update);
      recorded.add(contents);
      on(context, () -> {
        String refusal = from instanceof UserConnection ? gate.check(from, contents, c -> 0) : null;
        if (refusal != null) {
          return Future.failedFuture(refusal);
        }
        return Future.all(gate.record(from, contents), Future.fromCompletionStage(store.append(PROJECT, update))).mapEmpty();
      });
      if (doc != server) {
        server.applyUpdate(update);
      }
      for (Doc d : docs) {
        if (d != doc) {
          d.applyUpdate(update);
        }
      }
    }

    private static YMap randomNote(Doc d, Random random) {
      YArray notes = Notes.notesOf(d, TRACKS[random.nextInt(TRACKS.length)]);
      return notes.length() == 0 ? null : (YMap) notes.get(random.nextInt(notes.length()));
    }

    void personAction(int who, RoomConnection from, Random random, int counter) throws Exception {
      int roll = random.nextInt(100);
      String track = TRACKS[random.nextInt(TRACKS.length)];
      if (roll < 35) {
        edit(who, from, d -> Notes.add(d, track, "p" + counter, 48 + random.nextInt(30), random.nextInt(256) * 120));
      } else if (roll < 60) {
        YMap note = randomNote(docs[who], random);
        if (note == null) {
          return;
        }
        int from0 = ((Number) note.get("start")).intValue();
        for (int step = 1; step <= 5; step++) {
          int s = Math.max(0, from0 + step * 120 * (random.nextBoolean() ? 1 : -1));
          edit(who, from, d -> note.set("start", s));
        }
      } else if (roll < 85) {
        YMap note = randomNote(docs[who], random);
        if (note == null) {
          return;
        }
        String field = roll < 70 ? "pitch" : roll < 80 ? "duration" : "velocity";
        int value = roll < 70 ? 48 + random.nextInt(30) : roll < 80 ? 120 * (1 + random.nextInt(8)) : 40 + random.nextInt(80);
        edit(who, from, d -> note.set(field, value));
      } else {
        YArray notes = Notes.notesOf(docs[who], track);
        if (notes.length() == 0) {
          return;
        }
        int at = random.nextInt(notes.length());
        if (roll < 93) {
          edit(who, from, d -> notes.delete(at, 1));
        } else if (roll < 98) {
          int offset = 1920 * (1 + random.nextInt(8));
          edit(who, from, d -> {
            for (int i = 0; i < Math.min(8, notes.length()); i++) {
              YMap src = (YMap) notes.get(i);
              notes.push(List.of(Notes.note("p" + counter + "-" + i, ((Number) src.get("pitch")).intValue(),
                  ((Number) src.get("start")).intValue() + offset, 480, 80)));
            }
          });
        } else {
          edit(who, from, d -> notes.delete(at, Math.min(8, notes.length() - at)));
        }
      }
    }

    void aiRound(Random random, int counter) throws Exception {
      String id = "s" + counter;
      AiProvenance p = new AiProvenance("chorale-1", "1", "{\"mode\":\"infill\",\"temperature\":1.0,\"candidates\":4}",
          "person" + random.nextInt(PEOPLE), id);
      edit(-1, new AiConnection(p, AiAction.SUGGEST, null), d -> {
        YMap s = new YMap();
        YArray notes = new YArray();
        d.getMap("suggestions").set(id, s);
        s.set("notes", notes);
        for (int i = 0; i < 32; i++) {
          notes.push(List.of(Notes.note(id + "-" + i, 48 + random.nextInt(30), i * 240, 240, 80)));
        }
      });
      boolean accept = random.nextInt(100) < 60;
      UserIdentity decider = new UserIdentity("person0", "person0");
      String track = TRACKS[random.nextInt(TRACKS.length)];
      edit(-1, new AiConnection(p, accept ? AiAction.ACCEPT : AiAction.REJECT, decider), d -> {
        if (accept) {
          YArray target = Notes.notesOf(d, track);
          for (Object o : (YArray) ((YMap) d.getMap("suggestions").get(id)).get("notes")) {
            YMap n = (YMap) o;
            target.push(List.of(Notes.note((String) n.get("id"), ((Number) n.get("pitch")).intValue(),
                ((Number) n.get("start")).intValue(), 240, 80)));
          }
        }
        d.getMap("suggestions").delete(id);
      });
    }
  }
}
