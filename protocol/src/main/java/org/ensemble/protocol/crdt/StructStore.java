package org.ensemble.protocol.crdt;

import java.util.List;
import java.util.function.Consumer;

/**
 * All structs of a document, per client, sorted by clock and without gaps. Also holds what could not
 * be integrated yet: structs whose dependencies are missing and deletions of unknown structs.
 */
final class StructStore {
  final LongMap<StructList> clients = new LongMap<>();
  /** Structs waiting for missing dependencies, as a v2 update, with the lowest clock missing per client. */
  PendingStructs pendingStructs;
  /** Deletions of structs not received yet, as a v2 update without structs. */
  byte[] pendingDs;

  static final class PendingStructs {
    final StateVector missing;
    byte[] update;

    PendingStructs(StateVector missing, byte[] update) {
      this.missing = missing;
      this.update = update;
    }
  }

  StateVector getStateVector() {
    int n = clients.size();
    int[] clocks = new int[n];
    for (int i = 0; i < n; i++) {
      AbstractStruct last = clients.valueAt(i).last();
      clocks[i] = last.id.clock + last.length;
    }
    return StateVector.sameClientsAs(clients, clocks);
  }

  int getState(long client) {
    StructList structs = clients.get(client);
    if (structs == null) {
      return 0;
    }
    AbstractStruct last = structs.last();
    return last.id.clock + last.length;
  }

  void addStruct(AbstractStruct struct) {
    StructList structs = clients.get(struct.id.client);
    if (structs == null) {
      structs = new StructList();
      clients.put(struct.id.client, structs);
    } else {
      AbstractStruct last = structs.last();
      if (last.id.clock + last.length != struct.id.clock) {
        throw new IllegalStateException("struct " + struct.id + " does not continue client's clock " + (last.id.clock + last.length));
      }
    }
    structs.add(struct);
  }

  /** The index of the struct holding {@code clock}; a binary search that starts from a guess. */
  static int findIndex(List<AbstractStruct> structs, int clock) {
    int left = 0;
    int right = structs.size() - 1;
    AbstractStruct mid = structs.get(right);
    int midclock = mid.id.clock;
    if (midclock == clock) {
      return right;
    }
    // Pivot: clocks are usually spread evenly, so guess the position from the clock.
    int midindex = (int) Math.floor(((double) clock / (midclock + mid.length - 1)) * right);
    while (left <= right) {
      if (midindex < left || midindex > right) {
        midindex = (left + right) >>> 1;
      }
      mid = structs.get(midindex);
      midclock = mid.id.clock;
      if (midclock <= clock) {
        if (clock < midclock + mid.length) {
          return midindex;
        }
        left = midindex + 1;
      } else {
        right = midindex - 1;
      }
      midindex = (left + right) >>> 1;
    }
    throw new IllegalStateException("clock " + clock + " not in the store");
  }

  AbstractStruct find(ID id) {
    StructList structs = clients.get(id.client);
    if (structs == null) {
      throw new IllegalStateException("no structs of client " + id.client);
    }
    return structs.get(findIndex(structs, id.clock));
  }

  /** Like {@link #findIndex} but splits an item so that one starts exactly at {@code clock}. */
  static int findIndexCleanStart(Transaction transaction, List<AbstractStruct> structs, int clock) {
    int index = findIndex(structs, clock);
    AbstractStruct struct = structs.get(index);
    if (struct.id.clock < clock && struct instanceof Item) {
      structs.add(index + 1, ((Item) struct).split(transaction, clock - struct.id.clock));
      return index + 1;
    }
    return index;
  }

  /** The struct starting at {@code id}, splitting an item if needed. */
  AbstractStruct getItemCleanStart(Transaction transaction, ID id) {
    StructList structs = clients.get(id.client);
    return structs.get(findIndexCleanStart(transaction, structs, id.clock));
  }

  /** The struct ending at {@code id}, splitting an item if needed. */
  AbstractStruct getItemCleanEnd(Transaction transaction, ID id) {
    StructList structs = clients.get(id.client);
    int index = findIndex(structs, id.clock);
    AbstractStruct struct = structs.get(index);
    if (id.clock != struct.id.clock + struct.length - 1 && struct instanceof Item) {
      structs.add(index + 1, ((Item) struct).split(transaction, id.clock - struct.id.clock + 1));
    }
    return struct;
  }

  void replaceStruct(AbstractStruct struct, AbstractStruct newStruct) {
    StructList structs = clients.get(struct.id.client);
    structs.set(findIndex(structs, struct.id.clock), newStruct);
  }

  /** Calls {@code f} on the structs covering [clockStart, clockStart + len), split at both edges. */
  static void iterateStructs(Transaction transaction, List<AbstractStruct> structs, int clockStart, int len,
                             Consumer<AbstractStruct> f) {
    if (len == 0) {
      return;
    }
    int clockEnd = clockStart + len;
    int index = findIndexCleanStart(transaction, structs, clockStart);
    AbstractStruct struct;
    do {
      struct = structs.get(index++);
      if (clockEnd < struct.id.clock + struct.length) {
        findIndexCleanStart(transaction, structs, clockEnd);
      }
      f.accept(struct);
    } while (index < structs.size() && structs.get(index).id.clock < clockEnd);
  }
}
