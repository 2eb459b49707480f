package org.ensemble.protocol.crdt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.ensemble.protocol.lib0.Lib0Decoder;

/**
 * Applies an update to a document. The whole update is decoded before anything is integrated, so a
 * malformed update raises {@code DecodingException} and leaves the document as it was. Structs whose
 * dependencies have not arrived, and deletions of structs not yet known, are kept as pending and
 * integrated when a later update brings what they need.
 */
final class UpdateReader {
  private UpdateReader() {}

  /** The structs of one client in an update, and how far integration got. */
  private static final class ClientRefs {
    int i;
    AbstractStruct[] refs;

    ClientRefs(AbstractStruct[] refs) {
      this.refs = refs;
    }
  }

  private static final ClientRefs NONE = new ClientRefs(new AbstractStruct[0]);

  /** Structs that could not be integrated, and the lowest missing clock per client. */
  private record Rest(StateVector missing, byte[] update) {}

  static void applyUpdate(Doc doc, byte[] update, Object origin, boolean v2) {
    Lib0Decoder in = new Lib0Decoder(update);
    UpdateDecoder decoder = v2 ? new UpdateDecoderV2(in) : new UpdateDecoderV1(in);
    LongMap<ClientRefs> refs = readClientsStructRefs(decoder, v2);
    DeleteSet ds = DeleteSet.read(decoder);
    doc.transact(transaction -> {
      integrate(transaction, refs, ds);
      return null;
    }, origin, false);
  }

  private static LongMap<ClientRefs> readClientsStructRefs(UpdateDecoder decoder, boolean v2) {
    LongMap<ClientRefs> clientRefs = new LongMap<>();
    Lib0Decoder rest = decoder.rest();
    long numOfStateUpdates = rest.readVarUint();
    if (numOfStateUpdates > rest.remaining()) {
      throw rest.error("update claims " + numOfStateUpdates + " clients, only " + rest.remaining() + " bytes left");
    }
    for (long u = 0; u < numOfStateUpdates; u++) {
      int numberOfStructs = StructDecoding.readStructCount(decoder, v2);
      long client = decoder.readClient();
      int clock = rest.readVarUintAsInt("clock");
      AbstractStruct[] refs = new AbstractStruct[Math.min(numberOfStructs, 1 << 16)];
      int n = 0;
      for (int i = 0; i < numberOfStructs; i++) {
        AbstractStruct struct = StructDecoding.read(decoder, client, clock);
        if (n == refs.length) {
          refs = Arrays.copyOf(refs, refs.length * 2);
        }
        refs[n++] = struct;
        clock += struct.length;
      }
      // A client listed twice: like Yjs, the later section wins.
      clientRefs.put(client, new ClientRefs(n == refs.length ? refs : Arrays.copyOf(refs, n)));
    }
    return clientRefs;
  }

  private static void integrate(Transaction transaction, LongMap<ClientRefs> refs, DeleteSet ds) {
    transaction.local = false;
    Doc doc = transaction.doc;
    StructStore store = doc.store;
    Rest restStructs = integrateStructs(transaction, store, refs);
    StructStore.PendingStructs pending = store.pendingStructs;
    boolean retry = false;
    if (pending != null) {
      // can something pending be applied now?
      for (long client : pending.missing.clients()) {
        if (pending.missing.get(client) < store.getState(client)) {
          retry = true;
          break;
        }
      }
      if (restStructs != null) {
        for (long client : restStructs.missing.clients()) {
          int clock = restStructs.missing.get(client);
          if (!pending.missing.has(client) || pending.missing.get(client) > clock) {
            pending.missing.set(client, clock);
          }
        }
        pending.update = Updates.mergeUpdatesV2(List.of(pending.update, restStructs.update));
      }
    } else if (restStructs != null) {
      store.pendingStructs = new StructStore.PendingStructs(restStructs.missing, restStructs.update);
    }
    byte[] dsRest = encodeDeleteSetUpdate(ds.applyTo(transaction, store));
    if (store.pendingDs != null) {
      UpdateDecoderV2 pendingDecoder = new UpdateDecoderV2(new Lib0Decoder(store.pendingDs));
      pendingDecoder.rest().readVarUint(); // no structs in a pending delete set
      byte[] dsRest2 = encodeDeleteSetUpdate(DeleteSet.read(pendingDecoder).applyTo(transaction, store));
      if (dsRest != null && dsRest2 != null) {
        store.pendingDs = Updates.mergeUpdatesV2(List.of(dsRest, dsRest2));
      } else {
        store.pendingDs = dsRest != null ? dsRest : dsRest2;
      }
    } else {
      store.pendingDs = dsRest;
    }
    if (retry) {
      byte[] update = store.pendingStructs.update;
      store.pendingStructs = null;
      doc.applyUpdateV2(update);
    }
  }

  /** A v2 update holding only {@code ds}, or null for none. */
  private static byte[] encodeDeleteSetUpdate(DeleteSet ds) {
    if (ds == null) {
      return null;
    }
    UpdateEncoderV2 encoder = new UpdateEncoderV2();
    encoder.rest().writeVarUint(0); // no structs
    ds.write(encoder);
    return encoder.toByteArray();
  }

  /**
   * Integrates the decoded structs, following dependencies across clients with an explicit stack.
   * Returns what could not be integrated, or null.
   */
  private static Rest integrateStructs(Transaction transaction, StructStore store, LongMap<ClientRefs> clientsStructRefs) {
    if (clientsStructRefs.isEmpty()) {
      return null;
    }
    // Higher client ids first: in a conflict the lower id will probably not conflict with the higher.
    long[] sorted = clientsStructRefs.keys();
    Arrays.sort(sorted);
    List<Long> ids = new ArrayList<>(sorted.length);
    for (long id : sorted) {
      ids.add(id);
    }
    ClientRefs curStructsTarget = nextTarget(clientsStructRefs, ids);
    if (curStructsTarget == null) {
      return null;
    }
    Deque<AbstractStruct> stack = new ArrayDeque<>();
    StructStore restStructs = new StructStore();
    StateVector missingSV = new StateVector();
    StateVector state = new StateVector(); // a cache of the store's state
    AbstractStruct stackHead = curStructsTarget.refs[curStructsTarget.i++];

    while (true) {
      if (!(stackHead instanceof Skip)) {
        long client = stackHead.id.client;
        if (!state.has(client)) {
          state.set(client, store.getState(client));
        }
        int offset = state.get(client) - stackHead.id.clock;
        if (offset < 0) {
          // a struct of the same client is missing
          stack.push(stackHead);
          updateMissing(missingSV, client, stackHead.id.clock - 1);
          addStackToRest(stack, clientsStructRefs, ids, restStructs);
        } else {
          long missing = stackHead.getMissing(transaction, store);
          if (missing != AbstractStruct.NOTHING_MISSING) {
            stack.push(stackHead);
            // integrate the struct that the head depends on first, if this update has it
            ClientRefs structRefs = clientsStructRefs.get(missing);
            if (structRefs == null) {
              structRefs = NONE;
            }
            if (structRefs.refs.length == structRefs.i) {
              // depends on an update that has not arrived yet
              updateMissing(missingSV, missing, store.getState(missing));
              addStackToRest(stack, clientsStructRefs, ids, restStructs);
            } else {
              stackHead = structRefs.refs[structRefs.i++];
              continue;
            }
          } else if (offset == 0 || offset < stackHead.length) {
            stackHead.integrate(transaction, offset);
            state.set(client, stackHead.id.clock + stackHead.length);
          }
        }
      }
      if (!stack.isEmpty()) {
        stackHead = stack.pop();
      } else if (curStructsTarget != null && curStructsTarget.i < curStructsTarget.refs.length) {
        stackHead = curStructsTarget.refs[curStructsTarget.i++];
      } else {
        curStructsTarget = nextTarget(clientsStructRefs, ids);
        if (curStructsTarget == null) {
          break;
        }
        stackHead = curStructsTarget.refs[curStructsTarget.i++];
      }
    }
    if (!restStructs.clients.isEmpty()) {
      UpdateEncoderV2 encoder = new UpdateEncoderV2();
      UpdateWriter.writeClientsStructs(encoder, restStructs, new StateVector());
      encoder.rest().writeVarUint(0); // no deletions
      return new Rest(missingSV, encoder.toByteArray());
    }
    return null;
  }

  private static ClientRefs nextTarget(LongMap<ClientRefs> refs, List<Long> ids) {
    while (!ids.isEmpty()) {
      ClientRefs next = refs.get(ids.get(ids.size() - 1));
      if (next != null && next.i < next.refs.length) {
        return next;
      }
      ids.remove(ids.size() - 1);
    }
    return null;
  }

  private static void updateMissing(StateVector missingSV, long client, int clock) {
    if (!missingSV.has(client) || missingSV.get(client) > clock) {
      missingSV.set(client, clock);
    }
  }

  /** Moves the blocked structs on the stack, and everything after them, to the rest. */
  private static void addStackToRest(Deque<AbstractStruct> stack, LongMap<ClientRefs> clientsStructRefs,
                                     List<Long> ids, StructStore restStructs) {
    // bottom of the stack first, as Yjs iterates it
    for (Iterator<AbstractStruct> it = stack.descendingIterator(); it.hasNext(); ) {
      AbstractStruct item = it.next();
      long client = item.id.client;
      ClientRefs inapplicable = clientsStructRefs.get(client);
      StructList rest = new StructList();
      if (inapplicable != null) {
        // the item on the stack was the last one taken from this client's refs
        inapplicable.i--;
        rest.addAll(Arrays.asList(inapplicable.refs).subList(inapplicable.i, inapplicable.refs.length));
        clientsStructRefs.remove(client);
        inapplicable.i = 0;
        inapplicable.refs = new AbstractStruct[0];
      } else {
        // the item was the last of its client and the entry was already removed
        rest.add(item);
      }
      restStructs.clients.put(client, rest);
      // never apply the rest of this client in this update
      ids.remove(Long.valueOf(client));
    }
    stack.clear();
  }
}
