package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;

/** Encodes a document's structs and deletions as an update, all of them or those a peer lacks. */
final class UpdateWriter {
  private UpdateWriter() {}

  /** Writes the structs of {@code client} from {@code clock} on. */
  private static void writeStructs(UpdateEncoder encoder, List<AbstractStruct> structs, long client, int clock) {
    clock = Math.max(clock, structs.get(0).id.clock); // make sure the first id exists
    int startNewStructs = StructStore.findIndex(structs, clock);
    encoder.rest().writeVarUint(structs.size() - startNewStructs);
    encoder.writeClient(client);
    encoder.rest().writeVarUint(clock);
    AbstractStruct first = structs.get(startNewStructs);
    first.write(encoder, clock - first.id.clock);
    for (int i = startNewStructs + 1; i < structs.size(); i++) {
      structs.get(i).write(encoder, 0);
    }
  }

  /** Writes every struct the store has beyond {@code sv}, clients with higher ids first. */
  static void writeClientsStructs(UpdateEncoder encoder, StructStore store, StateVector sv) {
    // The clients with structs beyond sv, and the clock to start from (runs once per transaction,
    // so plain arrays rather than a map).
    int n = store.clients.size();
    long[] clients = new long[n];
    int[] clocks = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long client = store.clients.keyAt(i);
      AbstractStruct last = store.clients.valueAt(i).last();
      int clock = sv.has(client) ? sv.get(client) : 0;
      if (!sv.has(client) || last.id.clock + last.length > clock) {
        // insertion sort by client, highest first: this helps the conflict resolution of readers
        int j = m++;
        while (j > 0 && clients[j - 1] < client) {
          clients[j] = clients[j - 1];
          clocks[j] = clocks[j - 1];
          j--;
        }
        clients[j] = client;
        clocks[j] = clock;
      }
    }
    encoder.rest().writeVarUint(m);
    for (int i = 0; i < m; i++) {
      writeStructs(encoder, store.clients.get(clients[i]), clients[i], clocks[i]);
    }
  }

  static byte[] encodeStateAsUpdate(Doc doc, byte[] encodedTargetStateVector, boolean v2) {
    byte[] targetSvBytes = encodedTargetStateVector == null ? new byte[] {0} : encodedTargetStateVector;
    StateVector targetStateVector = StateVector.decode(targetSvBytes);
    UpdateEncoder encoder = v2 ? new UpdateEncoderV2() : new UpdateEncoderV1();
    writeClientsStructs(encoder, doc.store, targetStateVector);
    DeleteSet.fromStructStore(doc.store).write(encoder);
    List<byte[]> updates = new ArrayList<>(3);
    updates.add(encoder.toByteArray());
    // also add what is pending
    if (doc.store.pendingDs != null) {
      updates.add(doc.store.pendingDs);
    }
    if (doc.store.pendingStructs != null) {
      updates.add(Updates.diffUpdateV2(doc.store.pendingStructs.update, targetSvBytes));
    }
    if (updates.size() == 1) {
      return updates.get(0);
    }
    if (v2) {
      return Updates.mergeUpdatesV2(updates);
    }
    List<byte[]> v1 = new ArrayList<>(updates.size());
    v1.add(updates.get(0));
    for (int i = 1; i < updates.size(); i++) {
      v1.add(Updates.convertUpdateFormatV2ToV1(updates.get(i)));
    }
    return Updates.mergeUpdates(v1);
  }
}
