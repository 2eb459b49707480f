package org.ensemble.server.history;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.UpdateGate;

/**
 * Automatic versions after a pause in editing, as a room collaborator behind {@link UpdateGate}: every
 * applied update restarts the room's pause timer; when it runs out, a {@link Version.Kind#PAUSE}
 * checkpoint is taken (none when nothing changed since the latest version). It is built before the
 * rooms (which open its gates) and given the {@link Versions} once they exist.
 */
public final class Checkpoints implements UpdateGate.Factory {
  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

  private final Vertx vertx;
  private final long pauseMs;
  private final AtomicReference<Versions> versions = new AtomicReference<>();

  public Checkpoints(Vertx vertx, long pauseMs) {
    this.vertx = vertx;
    this.pauseMs = pauseMs;
  }

  /** Starts taking checkpoints through {@code versions}. */
  public void takeWith(Versions v) {
    versions.set(v);
  }

  @Override
  public Future<UpdateGate> open(String projectId, Context context) {
    return Future.succeededFuture(UpdateGate.observing(new Gate(projectId, context)::applied));
  }

  private final class Gate {
    private final String projectId;
    private final Context context;
    private long timer = -1;

    Gate(String projectId, Context context) {
      this.projectId = projectId;
      this.context = context;
    }

    void applied(RoomConnection from, byte[] update) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      timer = vertx.setTimer(pauseMs, id -> {
        timer = -1;
        Versions v = versions.get();
        if (v != null) {
          context.runOnContext(x -> v.checkpoint(projectId, Version.Kind.PAUSE, null, null).onFailure(e ->
              LOG.log(Level.FINE, "no checkpoint of " + projectId + " after a pause: " + e.getMessage())));
        }
      });
    }
  }
}
