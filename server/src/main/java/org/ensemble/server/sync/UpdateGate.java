package org.ensemble.server.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.function.LongToIntFunction;
import org.ensemble.protocol.crdt.UpdateContents;

/**
 * The room's one hook for authorship: it sees every update, read without a document
 * ({@link UpdateContents}), before anything of it is stored. {@link #check} may refuse a client's
 * update (nothing of it is then stored or applied); {@link #record} runs for every accepted update,
 * started just before the document's own append, and the update counts as stored only once both are
 * durable. A gate is confined to its room's context.
 */
public interface UpdateGate {

  /** A gate that admits everything and records nothing. */
  UpdateGate OPEN = new UpdateGate() {
    @Override
    public String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock) {
      return null;
    }

    @Override
    public Future<Void> record(RoomConnection from, UpdateContents contents) {
      return Future.succeededFuture();
    }
  };

  /**
   * Whether a client may submit this update: null when it may, otherwise the reason it may not.
   * {@code knownClock} gives, per client id, the clock up to which the room's document already holds
   * that client's structs (repeating what the room already has is harmless).
   */
  String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock);

  /** Records an accepted update (a client's, or the server's own edit); completes when durable. */
  Future<Void> record(RoomConnection from, UpdateContents contents);

  /** Opens the gate of one project's room, on that room's context. */
  interface Factory {
    Factory OPEN = (projectId, context) -> Future.succeededFuture(UpdateGate.OPEN);

    Future<UpdateGate> open(String projectId, Context context);
  }
}
