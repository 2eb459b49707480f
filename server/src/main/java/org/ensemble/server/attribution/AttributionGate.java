package org.ensemble.server.attribution;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;
import org.ensemble.protocol.crdt.DeleteSet;
import org.ensemble.protocol.crdt.IdRange;
import org.ensemble.protocol.crdt.UpdateContents;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.DirectConnection;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.sync.UpdateGate;

/**
 * One room's authorship gate. A client id is bound to the first user who writes under it, for good
 * (the binding is derived from the stored ledger, so it survives restarts); a user may hold many.
 * A client's update that brings new structs under a client id bound to someone else, or under an id
 * reserved for the server and its AI, is refused. Every accepted update becomes one ledger entry,
 * appended to the stored ledger alongside the update itself. Confined to the room's context.
 */
final class AttributionGate implements UpdateGate {
  private final Map<Long, String> owners;
  private final LedgerWriter writer;
  private final LongSupplier clock;

  AttributionGate(Map<Long, String> owners, LedgerWriter writer, LongSupplier clock) {
    this.owners = owners;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public String check(RoomConnection from, UpdateContents contents, LongToIntFunction knownClock) {
    String user = from.user().id();
    List<Long> unbound = null;
    for (Map.Entry<Long, List<IdRange>> e : contents.inserted().entrySet()) {
      long client = e.getKey();
      String owner = owners.get(client);
      if (user.equals(owner)) {
        continue;
      }
      if (end(e.getValue()) <= knownClock.applyAsInt(client)) {
        continue; // only repeats structs the room already has (a client re-sending its whole state)
      }
      if (ServerClientIds.isAi(client)) {
        return "client id " + client + " is the AI's; clients cannot write under it";
      }
      if (ServerClientIds.isReserved(client)) {
        return "client id " + client + " is reserved for the server; clients cannot write under it";
      }
      if (owner != null) {
        return "client id " + client + " belongs to another user; write under your own client id";
      }
      if (unbound == null) {
        unbound = new ArrayList<>(1);
      }
      unbound.add(client);
    }
    if (unbound != null) {
      unbound.forEach(client -> owners.put(client, user));
    }
    return null;
  }

  @Override
  public Future<Void> record(RoomConnection from, UpdateContents contents) {
    boolean server = from instanceof DirectConnection || from instanceof AiConnection;
    String user = from.user().id();
    Map<Long, List<IdRange>> inserted = new LinkedHashMap<>();
    contents.inserted().forEach((client, ranges) -> {
      // a client's repeats of structs under others' ids are not its writing
      boolean own = server ? ServerClientIds.isReserved(client) : user.equals(owners.get(client));
      if (own) {
        inserted.put(client, ranges);
      }
    });
    Map<Long, List<IdRange>> deleted = rangesOf(contents.deleted());
    if (inserted.isEmpty() && deleted.isEmpty()) {
      return Future.succeededFuture();
    }
    long time = clock.getAsLong();
    LedgerEntry entry = new LedgerEntry(writer.nextSeq(), attributesOf(from, time), inserted, deleted);
    return writer.append(EntryCodec.encode(entry, writer.lastTime()), time);
  }

  private static Attributes attributesOf(RoomConnection from, long time) {
    if (from instanceof AiConnection) {
      AiConnection ai = (AiConnection) from;
      UserIdentity decider = ai.decidedBy();
      return Attributes.ai(ai.provenance(), ai.action(), decider == null ? null : decider.id(), time);
    }
    return Attributes.human(from.user().id(), from.user().name(), time);
  }

  private static Map<Long, List<IdRange>> rangesOf(DeleteSet ds) {
    Map<Long, List<IdRange>> out = new LinkedHashMap<>();
    for (long client : ds.clients()) {
      List<IdRange> ranges = ds.ranges(client);
      if (!ranges.isEmpty()) {
        out.put(client, ranges);
      }
    }
    return out;
  }

  private static int end(List<IdRange> ranges) {
    int end = 0;
    for (IdRange r : ranges) {
      end = Math.max(end, r.end());
    }
    return end;
  }
}
