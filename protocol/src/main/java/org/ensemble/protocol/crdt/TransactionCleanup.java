package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens when a transaction ends: observers and deep observers fire, deleted content is
 * collected (when gc is on), neighbouring structs merge, and update listeners receive the update.
 * Transactions started by observers are cleaned up afterwards, one after the other, never nested.
 */
final class TransactionCleanup {
  private TransactionCleanup() {}

  static void run(List<Transaction> cleanups, int i) {
    while (i < cleanups.size()) {
      Transaction transaction = cleanups.get(i);
      Doc doc = transaction.doc;
      StructStore store = doc.store;
      DeleteSet ds = transaction.deleteSet;
      RuntimeException failure = null;
      try {
        ds.sortAndMerge();
        transaction.afterState = store.getStateVector();
        doc.beforeObserverCalls.call(transaction, (l, t) -> l.accept(t));
        callObservers(transaction, doc);
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        try {
          finish(transaction, doc, store, ds);
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      i++;
      if (i >= cleanups.size()) {
        doc.transactionCleanups = new ArrayList<>();
        doc.afterAllTransactions.call(doc, (l, d) -> l.accept(d));
      }
      if (failure != null) {
        if (i < cleanups.size()) {
          run(cleanups, i); // observers' own transactions still get cleaned up
        }
        throw failure;
      }
    }
  }

  /** Type observers, then deep observers, then afterTransaction, then text formatting cleanup. */
  private static void callObservers(Transaction transaction, Doc doc) {
    RuntimeException first = null;
    for (Map.Entry<AbstractType, Set<String>> e : transaction.changed.entrySet()) {
      AbstractType type = e.getKey();
      try {
        if (type.item == null || !type.item.isDeleted()) {
          type.callObserver(transaction, e.getValue());
        }
      } catch (RuntimeException ex) {
        first = keep(first, ex);
      }
    }
    for (Map.Entry<AbstractType, List<YEvent>> e : transaction.queuedEvents().entrySet()) {
      AbstractType type = e.getKey();
      try {
        if (!type.deepEventHandler.isEmpty() && (type.item == null || !type.item.isDeleted())) {
          List<YEvent> events = new ArrayList<>();
          for (YEvent event : e.getValue()) {
            if (event.target.item == null || !event.target.item.isDeleted()) {
              event.currentTarget = type;
              event.resetPath();
              events.add(event);
            }
          }
          events.sort(Comparator.comparingInt(ev -> ev.path().size()));
          type.deepEventHandler.call(events, (l, evs) -> l.onEvents(evs, transaction));
        }
      } catch (RuntimeException ex) {
        first = keep(first, ex);
      }
    }
    try {
      doc.afterTransaction.call(transaction, (l, t) -> l.accept(t));
    } catch (RuntimeException ex) {
      first = keep(first, ex);
    }
    if (transaction.needFormattingCleanup) {
      TextFormatting.cleanupAfterTransaction(transaction);
    }
    if (first != null) {
      throw first;
    }
  }

  private static RuntimeException keep(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static void finish(Transaction transaction, Doc doc, StructStore store, DeleteSet ds) {
    // Replace deleted content by ContentDeleted or GC: this is where content actually leaves the doc.
    if (doc.gc()) {
      tryGcDeleteSet(ds, store);
    }
    tryMergeDeleteSet(ds, store);
    // Merge the structs this transaction added with their neighbours, right to left.
    StateVector after = transaction.afterState;
    for (int c = 0; c < after.size(); c++) {
      long client = after.clientAt(c);
      int afterClock = after.get(client);
      int beforeClock = transaction.beforeState.get(client);
      if (beforeClock != afterClock) {
        List<AbstractStruct> structs = store.clients.get(client);
        int firstChangePos = Math.max(StructStore.findIndex(structs, beforeClock), 1);
        for (int i = structs.size() - 1; i >= firstChangePos; ) {
          i -= 1 + tryToMergeWithLefts(structs, i);
        }
      }
    }
    // Structs split during the transaction may merge again.
    List<AbstractStruct> mergeStructs = transaction.mergeStructs;
    for (int i = mergeStructs.size() - 1; i >= 0; i--) {
      ID id = mergeStructs.get(i).id;
      List<AbstractStruct> structs = store.clients.get(id.client);
      int replacedStructPos = StructStore.findIndex(structs, id.clock);
      if (replacedStructPos + 1 < structs.size()) {
        if (tryToMergeWithLefts(structs, replacedStructPos + 1) > 1) {
          continue; // both are already merged
        }
      }
      if (replacedStructPos > 0) {
        tryToMergeWithLefts(structs, replacedStructPos);
      }
    }
    if (!transaction.local && after.get(doc.clientId()) != transaction.beforeState.get(doc.clientId())) {
      // Someone else writes with our client id; switch to a fresh one so that ids stay unique.
      doc.renewClientId();
    }
    doc.afterTransactionCleanup.call(transaction, (l, t) -> l.accept(t));
    if (!doc.updateListeners.isEmpty()) {
      UpdateEncoderV1 encoder = new UpdateEncoderV1();
      if (transaction.writeUpdateMessage(encoder)) {
        byte[] update = encoder.toByteArray();
        doc.updateListeners.call(update, (l, u) -> l.onUpdate(u, transaction.origin, transaction));
      }
    }
    if (!doc.updateV2Listeners.isEmpty()) {
      UpdateEncoderV2 encoder = new UpdateEncoderV2();
      if (transaction.writeUpdateMessage(encoder)) {
        byte[] update = encoder.toByteArray();
        doc.updateV2Listeners.call(update, (l, u) -> l.onUpdate(u, transaction.origin, transaction));
      }
    }
    if (transaction.touchedSubdocs()) {
      for (Doc subdoc : transaction.subdocsAdded()) {
        subdoc.setClientId(doc.clientId());
        if (subdoc.collectionId() == null) {
          subdoc.setCollectionId(doc.collectionId());
        }
        doc.subdocs.add(subdoc);
      }
      for (Doc subdoc : transaction.subdocsRemoved()) {
        doc.subdocs.remove(subdoc);
      }
      SubdocsEvent event = new SubdocsEvent(transaction.subdocsLoaded(), transaction.subdocsAdded(), transaction.subdocsRemoved());
      doc.subdocsListeners.call(event, (l, e) -> l.accept(e));
      for (Doc subdoc : transaction.subdocsRemoved()) {
        subdoc.destroy();
      }
    }
  }

  /** Merges {@code structs[pos]} into its left neighbours while possible; returns how many merged. */
  static int tryToMergeWithLefts(List<AbstractStruct> structs, int pos) {
    AbstractStruct right = structs.get(pos);
    AbstractStruct left = structs.get(pos - 1);
    int i = pos;
    for (; i > 0; right = left, left = i - 1 > 0 ? structs.get(i - 2) : null, i--) {
      if (left.isDeleted() == right.isDeleted() && left.getClass() == right.getClass()) {
        if (left.mergeWith(right)) {
          if (right instanceof Item) {
            Item r = (Item) right;
            if (r.parentSub != null && r.parent.mapGet(r.parentSub) == r) {
              r.parent.mapSet(r.parentSub, (Item) left);
            }
          }
          continue;
        }
      }
      break;
    }
    int merged = pos - i;
    if (merged > 0) {
      structs.subList(pos + 1 - merged, pos + 1).clear();
    }
    return merged;
  }

  private static void tryGcDeleteSet(DeleteSet ds, StructStore store) {
    for (int c = 0; c < ds.clients.size(); c++) {
      List<IdRange> ranges = ds.clients.valueAt(c);
      List<AbstractStruct> structs = store.clients.get(ds.clients.keyAt(c));
      for (int di = ranges.size() - 1; di >= 0; di--) {
        IdRange range = ranges.get(di);
        int end = range.clock() + range.length();
        for (int si = StructStore.findIndex(structs, range.clock()); si < structs.size(); si++) {
          AbstractStruct struct = structs.get(si);
          if (struct.id.clock >= end) {
            break;
          }
          if (struct instanceof Item && struct.isDeleted() && !((Item) struct).keep()) {
            ((Item) struct).gc(store, false);
          }
        }
      }
    }
  }

  private static void tryMergeDeleteSet(DeleteSet ds, StructStore store) {
    // Merge from right to left, so that no merge target is missed.
    for (int c = 0; c < ds.clients.size(); c++) {
      List<IdRange> ranges = ds.clients.valueAt(c);
      List<AbstractStruct> structs = store.clients.get(ds.clients.keyAt(c));
      for (int di = ranges.size() - 1; di >= 0; di--) {
        IdRange range = ranges.get(di);
        // start with merging the item next to the last deleted item
        int mostRightIndexToCheck = Math.min(structs.size() - 1,
            1 + StructStore.findIndex(structs, range.clock() + range.length() - 1));
        for (int si = mostRightIndexToCheck; si > 0 && structs.get(si).id.clock >= range.clock(); ) {
          si -= 1 + tryToMergeWithLefts(structs, si);
        }
      }
    }
  }
}
