package org.ensemble.server.attribution;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.ensemble.server.store.DocumentStore;

/**
 * Projects' attribution kept in memory between queries. Each query loads the stored document and
 * ledger (the store's reads, off the event loop) and hands them to the project's {@link ProjectReplay},
 * which applies only what is new; when the content is unchanged the attribution and the bodies already
 * rendered from it answer, and when it changed the attribution is computed once more, once, however
 * many queries wait for it: queries that arrive while a project is being brought up to date wait for
 * one shared follow-up look (single flight; see {@link #current}). Replaying, computing and
 * rendering run on worker threads, never on an event loop.
 *
 * <p>Memory is bounded: at most {@code maxProjects} projects, least recently read dropped first, and
 * at most {@code maxStoredBytes} of stored document and ledger bytes summed over them (a cached project
 * takes a small multiple of its stored bytes in memory; see docs/api.md); a project not read for
 * {@code idle} is dropped by {@link #dropIdle}, a deleted one by {@link #forget}.
 */
public final class AttributionCache {
  public static final int DEFAULT_MAX_PROJECTS = 16;
  public static final long DEFAULT_MAX_STORED_BYTES = 4L << 20;
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final DocumentStore store;
  private final int maxProjects;
  private final long maxStoredBytes;
  private final long idleMillis;
  private final LongSupplier clock;
  /** Guarded by {@code this}; in access order, eldest first. */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong computations = new AtomicLong();

  /** One project's replay and what was computed from its current version. */
  private static final class Entry {
    /** Used by one worker at a time (synchronized on the entry). */
    final ProjectReplay replay = new ProjectReplay();
    /** Keeps each note's JSON between versions (synchronized on the entry). */
    final ReportWriter reports = new ReportWriter();
    /** The attribution of the current version and the bodies rendered from it; replaced on a new version. */
    volatile Rendering rendering;
    /** The look under way, and the one that follows it for those who arrived meanwhile; guarded by the cache. */
    Future<Entry> refreshing;
    Promise<Entry> next;
    long lastRead;
    long storedBytes;
  }

  private record Rendering(ProjectAttribution attribution, Map<String, TaggedBody> bodies) {}

  public AttributionCache(Vertx vertx, DocumentStore store) {
    this(vertx, store, DEFAULT_MAX_PROJECTS, DEFAULT_MAX_STORED_BYTES, DEFAULT_IDLE, System::currentTimeMillis);
  }

  public AttributionCache(Vertx vertx, DocumentStore store, int maxProjects, long maxStoredBytes, Duration idle,
                          LongSupplier clock) {
    this.vertx = vertx;
    this.store = store;
    this.maxProjects = maxProjects;
    this.maxStoredBytes = maxStoredBytes;
    this.idleMillis = idle.toMillis();
    this.clock = clock;
  }

  /**
   * The body {@code render} makes of the project's current attribution, rendered once per version and
   * {@code key} (which names what is rendered and everything besides the attribution it depends on).
   */
  public Future<TaggedBody> rendered(String projectId, String key, Function<ProjectAttribution, Buffer> render) {
    return rendered(projectId, key, (e, a) -> render.apply(a));
  }

  /**
   * The attribution report ({@link ProjectAttribution#report}) as JSON bytes, rendered once per version
   * and title; after an edit only the notes whose attribution changed are encoded again.
   */
  public Future<TaggedBody> report(String projectId, String title) {
    return rendered(projectId, "report\n" + title, (e, a) -> e.reports.write(a, projectId, title));
  }

  private Future<TaggedBody> rendered(String projectId, String key, BiFunction<Entry, ProjectAttribution, Buffer> render) {
    return current(projectId).compose(e -> {
      TaggedBody ready = e.rendering.bodies().get(key);
      if (ready != null) {
        return Future.succeededFuture(ready);
      }
      return vertx.executeBlocking(() -> {
        synchronized (e) {
          Rendering now = e.rendering;
          return now.bodies().computeIfAbsent(key, k -> TaggedBody.of(render.apply(e, now.attribution())));
        }
      }, false);
    });
  }

  /** What {@code reader} makes of the project's current attribution, on a worker thread. */
  public <T> Future<T> read(String projectId, Function<ProjectAttribution, T> reader) {
    return current(projectId).compose(e -> vertx.executeBlocking(() -> {
      synchronized (e) {
        return reader.apply(e.rendering.attribution());
      }
    }, false));
  }

  /** How many times an attribution was computed (a new version, or a project new to the cache). */
  public long computations() {
    return computations.get();
  }

  /** How many projects are held. */
  public synchronized int size() {
    return entries.size();
  }

  /** Drops a project (deleted, or its room unloaded). */
  public synchronized void forget(String projectId) {
    entries.remove(projectId);
  }

  /** Drops the projects not read for the idle time; the server calls it every minute. */
  public synchronized void dropIdle() {
    long horizon = clock.getAsLong() - idleMillis;
    entries.values().removeIf(e -> e.lastRead < horizon && e.refreshing == null);
  }

  /**
   * The project brought up to date with what the store held when this call was made. A call that
   * arrives while a look is under way cannot use it (its loads may predate an edit the caller has
   * seen), so it waits for the next look, which starts when the current one ends and is shared by all
   * who arrived in the meantime: at most two looks per burst of readers, and one computation per version.
   */
  private Future<Entry> current(String projectId) {
    Promise<Entry> start;
    Entry e;
    synchronized (this) {
      e = entries.computeIfAbsent(projectId, k -> new Entry());
      e.lastRead = clock.getAsLong();
      if (e.refreshing != null) {
        if (e.next == null) {
          e.next = Promise.promise();
        }
        return e.next.future();
      }
      start = Promise.promise();
      e.refreshing = start.future();
    }
    look(projectId, e, start);
    return start.future();
  }

  private void look(String projectId, Entry entry, Promise<Entry> done) {
    refresh(projectId, entry).onComplete(ar -> {
      Promise<Entry> next;
      synchronized (this) {
        entry.refreshing = null;
        next = entry.next;
        entry.next = null;
        if (ar.failed()) {
          entries.remove(projectId, entry); // a replay that failed half-way is not trusted again
        } else if (next != null) {
          entry.refreshing = next.future();
        }
        trim(projectId);
      }
      done.handle(ar.map(entry));
      if (next != null) {
        if (ar.failed()) {
          current(projectId).onComplete(next); // starts afresh with a new entry
        } else {
          look(projectId, entry, next);
        }
      }
    });
  }

  private Future<Void> refresh(String projectId, Entry e) {
    Context context = vertx.getOrCreateContext();
    Future<List<byte[]>> document = Future.fromCompletionStage(store.load(projectId), context);
    Future<List<byte[]>> ledger = Future.fromCompletionStage(store.load(LedgerLog.docId(projectId)), context);
    Future<List<byte[]>> names = Future.fromCompletionStage(store.load(AuthorNames.docId(projectId)), context);
    return Future.all(document, ledger, names).compose(all -> vertx.executeBlocking(() -> {
      synchronized (e) {
        boolean changed = e.replay.catchUp(document.result(), ledger.result(), names.result());
        if (changed || e.rendering == null) {
          computations.incrementAndGet();
          e.rendering = new Rendering(e.replay.attribution(), new ConcurrentHashMap<>());
        }
        e.storedBytes = e.replay.storedBytes();
      }
      return null;
    }, false));
  }

  /** Drops the least recently read projects beyond the bounds, never {@code keep} (just read). */
  private void trim(String keep) {
    long total = 0;
    for (Entry e : entries.values()) {
      total += e.storedBytes;
    }
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maxProjects || total > maxStoredBytes) && eldest.hasNext()) {
      Map.Entry<String, Entry> next = eldest.next();
      if (next.getKey().equals(keep)) {
        continue;
      }
      total -= next.getValue().storedBytes;
      eldest.remove();
    }
  }
}
