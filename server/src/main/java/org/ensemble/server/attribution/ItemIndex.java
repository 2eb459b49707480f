package org.ensemble.server.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ensemble.protocol.crdt.ID;
import org.ensemble.protocol.crdt.IdRange;

/** Which note (and which field of it, or the note itself) each item id belongs to. */
final class ItemIndex {
  /** A note or a field of one, by the id of its item. */
  record Ref(String noteId, String field) {}

  private final Map<Long, TreeMap<Integer, Ref>> clients = new HashMap<>();

  void put(ID id, String noteId, String field) {
    clients.computeIfAbsent(id.client, c -> new TreeMap<>()).put(id.clock, new Ref(noteId, field));
  }

  /** The refs whose ids lie in the ranges. */
  List<Ref> within(Map<Long, List<IdRange>> ranges) {
    List<Ref> out = new ArrayList<>();
    ranges.forEach((client, rs) -> {
      TreeMap<Integer, Ref> byClock = clients.get(client);
      if (byClock != null) {
        for (IdRange r : rs) {
          out.addAll(byClock.subMap(r.clock(), r.end()).values());
        }
      }
    });
    return out;
  }
}
