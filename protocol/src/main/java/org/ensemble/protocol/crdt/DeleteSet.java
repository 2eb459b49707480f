package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which clock ranges of which clients are deleted. Every update carries one after its structs; a
 * document derives its own from the deleted structs in its store. Kept per client as ranges sorted by
 * clock once {@link #sortAndMerge()} has run.
 */
public final class DeleteSet {
  final LongMap<List<IdRange>> clients = new LongMap<>(4);

  /** The clients with deletions, highest first. */
  public long[] clients() {
    return clients.keysDescending();
  }

  /** The deleted ranges of {@code client} (empty if none). */
  public List<IdRange> ranges(long client) {
    List<IdRange> r = clients.get(client);
    return r == null ? List.of() : Collections.unmodifiableList(r);
  }

  public boolean isEmpty() {
    return clients.isEmpty();
  }

  public void add(long client, int clock, int length) {
    List<IdRange> ranges = clients.get(client);
    if (ranges == null) {
      ranges = new ArrayList<>(2);
      clients.put(client, ranges);
    }
    ranges.add(new IdRange(clock, length));
  }

  public boolean isDeleted(ID id) {
    List<IdRange> ranges = clients.get(id.client);
    return ranges != null && findIndex(ranges, id.clock) >= 0;
  }

  /** Binary search for the range holding {@code clock}; -1 if none. Requires sorted ranges. */
  static int findIndex(List<IdRange> ranges, int clock) {
    int left = 0;
    int right = ranges.size() - 1;
    while (left <= right) {
      int mid = (left + right) >>> 1;
      IdRange r = ranges.get(mid);
      if (r.clock() <= clock) {
        if (clock < r.clock() + r.length()) {
          return mid;
        }
        left = mid + 1;
      } else {
        right = mid - 1;
      }
    }
    return -1;
  }

  /** Sorts each client's ranges and merges overlapping or adjacent ones. */
  public void sortAndMerge() {
    clients.forEach((client, dels) -> sortAndMerge(dels));
  }

  private static void sortAndMerge(List<IdRange> dels) {
    if (dels.size() < 2) {
      return;
    }
    dels.sort((a, b) -> Integer.compare(a.clock(), b.clock()));
    int j = 1;
    for (int i = 1; i < dels.size(); i++) {
      IdRange left = dels.get(j - 1);
      IdRange right = dels.get(i);
      if ((long) left.clock() + left.length() >= right.clock()) {
        int end = Math.max(left.clock() + left.length(), right.clock() + right.length());
        dels.set(j - 1, new IdRange(left.clock(), end - left.clock()));
      } else {
        dels.set(j++, right);
      }
    }
    dels.subList(j, dels.size()).clear();
  }

  /** The union of several delete sets, sorted and merged. */
  public static DeleteSet merge(List<DeleteSet> sets) {
    DeleteSet merged = new DeleteSet();
    for (DeleteSet ds : sets) {
      ds.clients.forEach((client, ranges) -> {
        List<IdRange> into = merged.clients.get(client);
        if (into == null) {
          into = new ArrayList<>(ranges.size());
          merged.clients.put(client, into);
        }
        into.addAll(ranges);
      });
    }
    merged.sortAndMerge();
    return merged;
  }

  /** The deletions a document's store records: consecutive deleted structs form one range. */
  static DeleteSet fromStructStore(StructStore store) {
    DeleteSet ds = new DeleteSet();
    store.clients.forEach((client, structs) -> {
      List<IdRange> ranges = new ArrayList<>();
      int n = structs.size();
      for (int i = 0; i < n; i++) {
        AbstractStruct struct = structs.get(i);
        if (struct.isDeleted()) {
          int clock = struct.id.clock;
          int len = struct.length;
          while (i + 1 < n && structs.get(i + 1).isDeleted()) {
            len += structs.get(++i).length;
          }
          ranges.add(new IdRange(clock, len));
        }
      }
      if (!ranges.isEmpty()) {
        ds.clients.put(client, ranges);
      }
    });
    return ds;
  }

  void write(DSEncoder encoder) {
    if (encoder instanceof UpdateEncoderV2 && !isSortedWithoutEmptyRanges()) {
      // v2 writes clocks as differences; Yjs would write garbage for ranges from a malformed update
      // that are unsorted or empty. Sorting and merging them deletes exactly the same clocks.
      copyForV2().write(encoder);
      return;
    }
    long[] order = clients.keysDescending();
    encoder.rest().writeVarUint(order.length);
    for (long client : order) {
      List<IdRange> ranges = clients.get(client);
      encoder.resetDsCurVal();
      encoder.rest().writeVarUint(client);
      encoder.rest().writeVarUint(ranges.size());
      for (IdRange r : ranges) {
        encoder.writeDsClock(r.clock());
        encoder.writeDsLen(r.length());
      }
    }
  }

  private boolean isSortedWithoutEmptyRanges() {
    for (long client : clients.keys()) {
      int end = 0;
      for (IdRange r : clients.get(client)) {
        if (r.length() <= 0 || r.clock() < end) {
          return false;
        }
        end = r.end();
      }
    }
    return true;
  }

  private DeleteSet copyForV2() {
    DeleteSet copy = new DeleteSet();
    clients.forEach((client, ranges) -> {
      for (IdRange r : ranges) {
        if (r.length() > 0) {
          copy.add(client, r.clock(), r.length());
        }
      }
    });
    copy.sortAndMerge();
    return copy;
  }

  static DeleteSet read(DSDecoder decoder) {
    DeleteSet ds = new DeleteSet();
    long numClients = decoder.rest().readVarUint();
    if (numClients > decoder.rest().remaining()) {
      throw decoder.rest().error("delete set claims " + numClients + " clients, only " + decoder.rest().remaining() + " bytes left");
    }
    for (long i = 0; i < numClients; i++) {
      decoder.resetDsCurVal();
      long client = decoder.rest().readVarUint();
      long numberOfDeletes = decoder.rest().readVarUint();
      if (numberOfDeletes > decoder.rest().remaining()) {
        throw decoder.rest().error("delete set claims " + numberOfDeletes + " ranges, only " + decoder.rest().remaining() + " bytes left");
      }
      for (long d = 0; d < numberOfDeletes; d++) {
        int clock = decoder.readDsClock();
        int len = decoder.readDsLen();
        if ((long) clock + len > Integer.MAX_VALUE) {
          throw decoder.rest().error("delete range out of range: " + clock + "+" + len);
        }
        ds.add(client, clock, len);
      }
    }
    return ds;
  }

  /**
   * Deletes what this set names in the document; returns the part that refers to structs the store
   * does not have yet (to be kept as pending), or null.
   */
  DeleteSet applyTo(Transaction transaction, StructStore store) {
    DeleteSet unapplied = new DeleteSet();
    for (long client : clients.keys()) {
      List<AbstractStruct> structs = store.clients.get(client);
      int state = store.getState(client);
      for (IdRange r : clients.get(client)) {
        int clock = r.clock();
        int clockEnd = clock + r.length();
        if (clock < state) {
          if (state < clockEnd) {
            unapplied.add(client, state, clockEnd - state);
          }
          int index = StructStore.findIndex(structs, clock);
          AbstractStruct struct = structs.get(index);
          // split the first item if necessary
          if (!struct.isDeleted() && struct.id.clock < clock) {
            structs.add(index + 1, ((Item) struct).split(transaction, clock - struct.id.clock));
            index++;
          }
          while (index < structs.size()) {
            struct = structs.get(index++);
            if (struct.id.clock < clockEnd) {
              if (!struct.isDeleted()) {
                Item item = (Item) struct;
                if (clockEnd < item.id.clock + item.length) {
                  structs.add(index, item.split(transaction, clockEnd - item.id.clock));
                }
                item.delete(transaction);
              }
            } else {
              break;
            }
          }
        } else {
          if (clockEnd > clock) {
            unapplied.add(client, clock, clockEnd - clock);
          }
        }
      }
    }
    if (unapplied.isEmpty()) {
      return null;
    }
    unapplied.sortAndMerge();
    return unapplied;
  }

  /** Calls {@code f} for every struct of the document that lies in this set, splitting at the edges. */
  void forEachStruct(Transaction transaction, Consumer<AbstractStruct> f) {
    clients.forEach((client, ranges) -> {
      List<AbstractStruct> structs = transaction.doc.store.clients.get(client);
      if (structs != null) {
        AbstractStruct last = structs.get(structs.size() - 1);
        int clockState = last.id.clock + last.length;
        for (IdRange r : ranges) {
          if (r.clock() >= clockState) {
            break;
          }
          StructStore.iterateStructs(transaction, structs, r.clock(), r.length(), f);
        }
      }
    });
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DeleteSet)) {
      return false;
    }
    DeleteSet other = (DeleteSet) o;
    if (other.clients.size() != clients.size()) {
      return false;
    }
    for (long client : clients.keys()) {
      if (!ranges(client).equals(other.ranges(client))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (long client : clients.keys()) {
      h += Long.hashCode(client) ^ ranges(client).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (long client : clients()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(client).append(": ");
      for (IdRange r : ranges(client)) {
        sb.append('[').append(r.clock()).append(',').append(r.length()).append(']');
      }
    }
    return sb.append('}').toString();
  }
}
