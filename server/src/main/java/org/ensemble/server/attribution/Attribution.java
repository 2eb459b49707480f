package org.ensemble.server.attribution;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.sync.UpdateGate;

/**
 * Authorship over one document store: opens each room's {@link AttributionGate} (reading the stored
 * ledger for the client id bindings) and reads ledgers for queries. The ledger of project {@code p}
 * lives in the same store as the project, under its own id.
 */
public final class Attribution implements UpdateGate.Factory {
  private final DocumentStore store;
  private final LongSupplier clock;

  public Attribution(DocumentStore store) {
    this(store, System::currentTimeMillis);
  }

  /** @param clock milliseconds since the epoch, for the entries' times */
  public Attribution(DocumentStore store, LongSupplier clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Future<UpdateGate> open(String projectId, Context context) {
    return Future.fromCompletionStage(store.load(LedgerLog.docId(projectId)), context).map(updates -> {
      Ledger ledger = LedgerLog.read(updates);
      LedgerWriter writer = new LedgerWriter(store, context, projectId, ledger.size());
      return new AttributionGate(new HashMap<>(ledger.owners()), writer, clock);
    });
  }

  /** The stored ledger of a project (empty for one never written). */
  public CompletionStage<Ledger> ledger(String projectId) {
    return store.load(LedgerLog.docId(projectId)).thenApply(LedgerLog::read);
  }

  /** The bytes the stored ledger takes (its log and snapshot). */
  public CompletionStage<Long> storedBytes(String projectId) {
    return store.storedBytes(LedgerLog.docId(projectId));
  }

  /** Removes a project's ledger (with the project). */
  public CompletionStage<Void> delete(String projectId) {
    return store.delete(LedgerLog.docId(projectId));
  }
}
