package org.ensemble.server.projects;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.UpdateGate;

/**
 * When each project last changed, for the project list: a room collaborator behind {@link UpdateGate}
 * that notes the time of every applied update (a person's, the AI's or the server's own edit) and
 * keeps it in the metadata store under {@code changed/<projectId>}. A busy room writes at most once
 * per {@link #WRITE_EVERY_MS} (the last time is always written, after the quiet spell); the list
 * reads the stored times, so every cluster node sees the same ones.
 */
public final class ChangeTimes implements UpdateGate.Factory {
  private static final Logger LOG = Logger.getLogger(ChangeTimes.class.getName());
  static final long WRITE_EVERY_MS = 2_000;
  private static final String PREFIX = "changed/";

  private final Vertx vertx;
  private final MetadataStore store;
  /** The newest time seen on this node, by project (newer than the stored one while a write waits). */
  private final Map<String, Instant> latest = new ConcurrentHashMap<>();

  public ChangeTimes(Vertx vertx, MetadataStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  @Override
  public Future<UpdateGate> open(String projectId, Context context) {
    return Future.succeededFuture(UpdateGate.observing(new Gate(projectId, context)::applied));
  }

  /** The last change of each of {@code ids} that has one on record (projects never edited have none). */
  public Future<Map<String, Instant>> read(Collection<String> ids, Context context) {
    Map<String, Instant> out = new ConcurrentHashMap<>();
    List<Future<Void>> reads = new ArrayList<>();
    for (String id : ids) {
      reads.add(Future.fromCompletionStage(store.get(PREFIX + id), context).map(stored -> {
        Instant known = latest.get(id);
        Instant kept = stored.map(b -> parse(new String(b, StandardCharsets.UTF_8))).orElse(null);
        Instant newest = known == null ? kept : kept == null || known.isAfter(kept) ? known : kept;
        if (newest != null) {
          out.put(id, newest);
        }
        return null;
      }));
    }
    return Future.join(reads).transform(ar -> Future.succeededFuture(out)); // one unreadable time hides only itself
  }

  /** Forgets a deleted project's time. */
  public Future<Void> delete(String projectId, Context context) {
    latest.remove(projectId);
    return Future.fromCompletionStage(store.delete(PREFIX + projectId), context);
  }

  private static Instant parse(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private final class Gate {
    private final String projectId;
    private final Context context;
    private long lastWrite;
    private long timer = -1;

    Gate(String projectId, Context context) {
      this.projectId = projectId;
      this.context = context;
    }

    void applied(RoomConnection from, byte[] update) {
      latest.put(projectId, Instant.now());
      long now = System.currentTimeMillis();
      if (now - lastWrite >= WRITE_EVERY_MS) {
        write();
      } else if (timer < 0) {
        timer = vertx.setTimer(WRITE_EVERY_MS - (now - lastWrite), id -> {
          timer = -1;
          context.runOnContext(v -> write());
        });
      }
    }

    private void write() {
      lastWrite = System.currentTimeMillis();
      Instant at = latest.get(projectId);
      if (at == null) {
        return; // deleted meanwhile
      }
      Future.fromCompletionStage(store.put(PREFIX + projectId, at.toString().getBytes(StandardCharsets.UTF_8)), context)
          .onFailure(e -> LOG.log(Level.FINE, "the change time of " + projectId + " was not stored: " + e.getMessage()));
    }
  }
}
