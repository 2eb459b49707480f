package org.ensemble.server.history;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.Snapshot;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.store.disk.DiskDocumentStore;
import org.ensemble.server.store.disk.DiskStoreConfig;

/**
 * What 100 versions of an hour-long session cost: a benchmark, not a test (run its main with the test
 * classpath). A seeded script plays three people (reconnecting, so with new client ids, every 20
 * minutes) and the AI on a four-track chorale for one simulated hour, with the action mix of {@code
 * LedgerSizeBenchmark} (each person every 2–6 s: add, drag = five updates, transpose, duration,
 * velocity, delete, paste 8, delete a bar; the AI accepting 32 notes every 3 minutes), every update
 * appended to the embedded disk store. A version is taken every 36 s (100 in the hour) as the server
 * takes one: a snapshot of the gc-on document. Prints the stored version records' bytes beside what
 * 100 copies of the document would take, and the time to list the 100 versions with their changes.
 */
public final class VersionStorageBenchmark {
  private static final String PROJECT = "benchmarkversions";
  private static final String[] TRACKS = {"soprano", "alto", "tenor", "bass"};
  private static final long HOUR_MS = 3_600_000;
  private static final long EVERY_MS = 36_000;

  private VersionStorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("version-benchmark");
    Vertx vertx = Vertx.vertx();
    try (DiskDocumentStore store = DiskDocumentStore.open(DiskStoreConfig.defaults(dir))) {
      Doc server = new Doc();
      Random random = new Random(17);
      Doc[] people = {new Doc(), new Doc(), new Doc(), new Doc()}; // three people and the AI's copy
      Consumer<byte[]> share = u -> {
        server.applyUpdate(u);
        for (Doc d : people) {
          d.applyUpdate(u);
        }
        store.append(PROJECT, u).toCompletableFuture().join();
      };
      edit(people[0], share, d -> {
        for (String t : TRACKS) {
          YMap track = new YMap();
          track.set("id", t);
          track.set("name", t);
          YArray notes = new YArray();
          track.set("notes", notes);
          d.getArray("tracks").push(List.of(track));
          for (int n = 0; n < 16; n++) {
            notes.push(List.of(note(t + "-" + n, 48 + random.nextInt(30), n * 480, 480)));
          }
        }
      });
      List<Version> versions = new ArrayList<>();
      long fullCopies = 0;
      PriorityQueue<long[]> events = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
      for (int p = 0; p < 3; p++) {
        events.add(new long[] {2000 + random.nextInt(4000), p});
      }
      events.add(new long[] {180_000, 3});
      events.add(new long[] {EVERY_MS, -1});
      events.add(new long[] {1_200_000, -2});
      int counter = 0;
      int updates = 0;
      while (!events.isEmpty() && events.peek()[0] <= HOUR_MS) {
        long[] ev = events.poll();
        int who = (int) ev[1];
        if (who == -1) {
          versions.add(new Version(String.format("%013d-bench", ev[0]), PROJECT, Version.Kind.PAUSE, null, null,
              Instant.ofEpochMilli(ev[0]), Snapshot.of(server)));
          fullCopies += server.encodeStateAsUpdate().length;
          events.add(new long[] {ev[0] + EVERY_MS, -1});
        } else if (who == -2) {
          for (Doc d : people) {
            d.setClientId(1 + random.nextInt(Integer.MAX_VALUE)); // a reload: a new client id
          }
          events.add(new long[] {ev[0] + 1_200_000, -2});
        } else if (who == 3) {
          updates += ai(people[3], share, random, counter++);
          events.add(new long[] {ev[0] + 180_000, 3});
        } else {
          updates += act(people[who], share, random, counter++);
          events.add(new long[] {ev[0] + 2000 + random.nextInt(4000), who});
        }
      }
      long records = 0;
      long snapshots = 0;
      int maxSnapshot = 0;
      for (Version v : versions) {
        int s = v.snapshot().encode().length;
        snapshots += s;
        maxSnapshot = Math.max(maxSnapshot, s);
        records += v.toStored().encode().getBytes(StandardCharsets.UTF_8).length;
      }
      long log = store.storedBytes(PROJECT).toCompletableFuture().get();
      System.out.printf(Locale.ROOT, "one simulated hour: %,d updates, %d versions, %d notes at the end, document %,d bytes"
          + " (state as one update), stored log %,d bytes%n", updates, versions.size(), count(server),
          server.encodeStateAsUpdate().length, log);
      System.out.printf(Locale.ROOT, "versions: snapshots %,d bytes (%.0f B each on average, largest %,d), stored records"
          + " (JSON, Base64) %,d bytes; 100 copies of the document would take %,d bytes (%.0fx)%n", snapshots,
          (double) snapshots / versions.size(), maxSnapshot, records, fullCopies, (double) fullCopies / records);
      Attribution attribution = new Attribution(store);
      long best = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        long start = System.nanoTime();
        int listed = attribution.read(vertx, PROJECT, (doc, ledger) -> {
          NoteStates states = new NoteStates(doc);
          Map<String, NoteStates.PlacedNote> previous = Map.of();
          int changes = 0;
          for (Version v : versions) {
            Map<String, NoteStates.PlacedNote> notes = states.notesAt(v.snapshot());
            changes += Changes.between(previous, notes, ledger).toJson(false).getInteger("added");
            previous = notes;
          }
          return changes;
        }).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        best = Math.min(best, System.nanoTime() - start);
        if (listed == 0) {
          throw new AssertionError("no changes listed");
        }
      }
      System.out.printf(Locale.ROOT, "listing the 100 versions with their changes (load the log, replay with gc off,"
          + " read each version, diff), best of 5: %d ms%n", best / 1_000_000);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int edit(Doc doc, Consumer<byte[]> share, Consumer<Doc> change) {
    List<byte[]> produced = new ArrayList<>();
    var sub = doc.onUpdate((u, o, t) -> produced.add(u));
    doc.transact(t -> change.accept(doc));
    sub.close();
    if (!produced.isEmpty()) {
      share.accept(Updates.mergeUpdates(produced));
    }
    return produced.isEmpty() ? 0 : 1;
  }

  private static int act(Doc d, Consumer<byte[]> share, Random random, int counter) {
    int roll = random.nextInt(100);
    YArray notes = notesOf(d, TRACKS[random.nextInt(TRACKS.length)]);
    if (roll < 35) {
      return edit(d, share, x -> notes.push(List.of(note("p" + counter, 48 + random.nextInt(30), random.nextInt(256) * 120, 480))));
    }
    if (notes.length() == 0) {
      return 0;
    }
    int at = random.nextInt(notes.length());
    YMap n = (YMap) notes.get(at);
    if (roll < 60) {
      int from = ((Number) n.get("start")).intValue();
      int sent = 0;
      for (int step = 1; step <= 5; step++) {
        int s = Math.max(0, from + step * 120);
        sent += edit(d, share, x -> n.set("start", s));
      }
      return sent;
    }
    if (roll < 85) {
      String field = roll < 70 ? "pitch" : roll < 80 ? "duration" : "velocity";
      int value = roll < 70 ? 48 + random.nextInt(30) : roll < 80 ? 120 * (1 + random.nextInt(8)) : 40 + random.nextInt(80);
      return edit(d, share, x -> n.set(field, value));
    }
    if (roll < 93) {
      return edit(d, share, x -> notes.delete(at, 1));
    }
    if (roll < 98) {
      int offset = 1920 * (1 + random.nextInt(8));
      return edit(d, share, x -> {
        for (int i = 0; i < Math.min(8, notes.length()); i++) {
          YMap src = (YMap) notes.get(i);
          notes.push(List.of(note("p" + counter + "-" + i, ((Number) src.get("pitch")).intValue(),
              ((Number) src.get("start")).intValue() + offset, 480)));
        }
      });
    }
    return edit(d, share, x -> notes.delete(at, Math.min(8, notes.length() - at)));
  }

  private static int ai(Doc d, Consumer<byte[]> share, Random random, int counter) {
    if (random.nextInt(100) >= 60) {
      return 0;
    }
    YArray target = notesOf(d, TRACKS[random.nextInt(TRACKS.length)]);
    return edit(d, share, x -> {
      for (int i = 0; i < 32; i++) {
        target.push(List.of(note("s" + counter + "-" + i, 48 + random.nextInt(30), i * 240, 240)));
      }
    });
  }

  private static YArray notesOf(Doc d, String trackId) {
    for (Object t : d.getArray("tracks")) {
      if (trackId.equals(((YMap) t).get("id"))) {
        return (YArray) ((YMap) t).get("notes");
      }
    }
    throw new AssertionError(trackId);
  }

  private static int count(Doc d) {
    int n = 0;
    for (Object t : d.getArray("tracks")) {
      n += ((YArray) ((YMap) t).get("notes")).length();
    }
    return n;
  }

  private static YMap note(String id, int pitch, int start, int duration) {
    YMap note = new YMap();
    note.set("id", id);
    note.set("pitch", pitch);
    note.set("start", start);
    note.set("duration", duration);
    note.set("velocity", 80);
    return note;
  }

}
