package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only access to the ids behind a document's values, deleted ones included, for attribution:
 * who inserted a value is told by the client of its id, so the server maps ids to authors. Deleted
 * values still carry their content only in a document with garbage collection off
 * ({@code DocOptions.gc(false)}); otherwise their value reads as null.
 */
public final class Provenance {
  private Provenance() {}

  /** One value and the id of its first unit: a JSON value, a nested type, or null once collected. */
  public record Entry(ID id, Object value, boolean deleted) {}

  /** The clock {@code doc} expects next from {@code client}: it holds that client's clocks below it. */
  public static int nextClock(Doc doc, long client) {
    return doc.store.getState(client);
  }

  /** The id of the item that holds {@code type} in its parent; null for a root type. */
  public static ID idOf(AbstractType type) {
    return type.item == null ? null : type.item.id;
  }

  /**
   * Every value {@code key} of {@code map} has held, newest first: in Yjs a map key's overwrite is a
   * new item, and the older ones stay linked to its left, deleted. Empty when the key was never set.
   */
  public static List<Entry> keyHistory(AbstractType map, String key) {
    List<Entry> out = new ArrayList<>(2);
    for (Item n = map.mapGet(key); n != null; n = n.left) {
      out.add(new Entry(lastId(n), valueOrNull(n), n.isDeleted()));
    }
    return out;
  }

  /** The keys {@code map} has ever held, in the order they were first set. */
  public static List<String> keys(AbstractType map) {
    List<String> out = new ArrayList<>();
    map.forEachMapEntry((key, item) -> out.add(key));
    return out;
  }

  /**
   * Every element of a list type in document order, deleted ones included, each with its own id
   * (an item of n elements gives n entries with consecutive clocks).
   */
  public static List<Entry> listElements(AbstractType list) {
    List<Entry> out = new ArrayList<>();
    for (Item n = list.start; n != null; n = n.right) {
      if (!n.isCountable()) {
        continue;
      }
      List<Object> values = n.content.getContent();
      for (int i = 0; i < n.length; i++) {
        Object v = i < values.size() ? values.get(i) : null;
        out.add(new Entry(new ID(n.id.client, n.id.clock + i), v, n.isDeleted()));
      }
    }
    return out;
  }

  /** A map entry's value is its item's last element, so its id is that element's. */
  private static ID lastId(Item n) {
    return n.length == 1 ? n.id : new ID(n.id.client, n.id.clock + n.length - 1);
  }

  private static Object valueOrNull(Item n) {
    Object v = AbstractType.valueOf(n);
    return v == org.ensemble.protocol.lib0.Undefined.VALUE ? null : v;
  }
}
