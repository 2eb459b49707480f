package org.ensemble.server.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongToIntFunction;
import org.ensemble.protocol.crdt.UpdateContents;

/**
 * A room's hook for its collaborators (the authorship ledger today, relays to other nodes later): it
 * sees every update, read without a document ({@link UpdateContents}), before anything of it is
 * stored. {@link #check} may refuse a client's update (nothing of it is then stored or applied);
 * {@link #record} runs for every accepted update, started just before the document's own append, and
 * the update counts as stored only once both are durable; {@link #applied} follows once it is in the
 * room's document and sent to the room. A gate is confined to its room's context. Several
 * collaborators plug in side by side with {@link Factory#all}, without changes to {@link Room}.
 */
public interface UpdateGate {

  /** A gate that admits everything and records nothing. */
  UpdateGate OPEN = observing((from, update) -> { });

  /**
   * A gate that admits everything and records nothing, for a collaborator that only hears of each
   * update once applied (automatic versions, change times).
   */
  static UpdateGate observing(BiConsumer<RoomConnection, byte[]> applied) {
    return new UpdateGate() {
      @Override
      public String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock) {
        return null;
      }

      @Override
      public Future<Void> record(RoomConnection from, UpdateContents contents) {
        return Future.succeededFuture();
      }

      @Override
      public void applied(RoomConnection from, byte[] update) {
        applied.accept(from, update);
      }
    };
  }

  /**
   * Whether a client may submit this update: null when it may, otherwise the reason it may not.
   * {@code knownClock} gives, per client id, the clock up to which the room's document already holds
   * that client's structs (repeating what the room already has is harmless).
   */
  String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock);

  /** Records an accepted update (a client's, or the server's own edit); completes when durable. */
  Future<Void> record(RoomConnection from, UpdateContents contents);

  /**
   * The update is durable, in the room's document and sent to the room's other connections (where a
   * relay would pass it on to other nodes). Must not block; runs on the room's context.
   */
  default void applied(RoomConnection from, byte[] update) {}

  /** Opens the gate of one project's room, on that room's context. */
  interface Factory {
    Factory OPEN = (projectId, context) -> Future.succeededFuture(UpdateGate.OPEN);

    Future<UpdateGate> open(String projectId, Context context);

    /**
     * Several collaborators' gates as one, consulted in order: the first refusal refuses; an update
     * counts as recorded once every gate has recorded it; each hears of it applied.
     */
    static Factory all(List<Factory> factories) {
      if (factories.size() == 1) {
        return factories.get(0);
      }
      List<Factory> list = List.copyOf(factories);
      return (projectId, context) -> {
        List<Future<UpdateGate>> opening = new ArrayList<>();
        list.forEach(f -> opening.add(f.open(projectId, context)));
        return Future.all(opening).map(all -> new AllGates(all.<UpdateGate>list()));
      };
    }
  }

  /** The gates of {@link Factory#all}. */
  final class AllGates implements UpdateGate {
    private final List<UpdateGate> gates;

    AllGates(List<UpdateGate> gates) {
      this.gates = List.copyOf(gates);
    }

    @Override
    public String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock) {
      for (UpdateGate g : gates) {
        String refusal = g.check(from, contents, knownClock);
        if (refusal != null) {
          return refusal;
        }
      }
      return null;
    }

    @Override
    public Future<Void> record(RoomConnection from, UpdateContents contents) {
      List<Future<Void>> recorded = new ArrayList<>(gates.size());
      gates.forEach(g -> recorded.add(g.record(from, contents)));
      return Future.all(recorded).mapEmpty();
    }

    @Override
    public void applied(RoomConnection from, byte[] update) {
      gates.forEach(g -> g.applied(from, update));
    }
  }
}
