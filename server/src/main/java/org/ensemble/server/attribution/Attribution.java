package org.ensemble.server.attribution;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.BiFunction;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.schema.MidiExport;
import org.ensemble.schema.MusicXmlExport;
import org.ensemble.schema.ProjectReader;
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

  /** The id under which a project's ledger is stored, beside the project in the same store. */
  public static String ledgerId(String projectId) {
    return LedgerLog.docId(projectId);
  }

  @Override
  public Future<UpdateGate> open(String projectId, Context context) {
    return Future.fromCompletionStage(store.load(LedgerLog.docId(projectId)), context).map(updates -> {
      Ledger ledger = LedgerLog.readBindings(updates);
      long lastTime = ledger.size() == 0 ? 0 : ledger.entries().get(ledger.size() - 1).attributes().time();
      LedgerWriter writer = new LedgerWriter(store, context, projectId, ledger.size(), lastTime);
      return new AttributionGate(new HashMap<>(ledger.owners()), writer, clock);
    });
  }

  /**
   * A project's authorship, from its stored document and ledger, built on a worker thread: the
   * document is replayed with garbage collection off, so deleted notes can still be named.
   */
  public Future<ProjectAttribution> attribution(Vertx vertx, String projectId) {
    return read(vertx, projectId, ProjectAttribution::of);
  }

  /** A cache of projects' attribution over this store, with the default bounds. */
  public AttributionCache cache(Vertx vertx) {
    return new AttributionCache(vertx, store);
  }

  /** The MIDI export of a project with per-track authorship credits as text events. */
  public Future<byte[]> midiWithCredits(Vertx vertx, String projectId) {
    return read(vertx, projectId, (doc, ledger) -> {
      ProjectAttribution attribution = ProjectAttribution.of(doc, ledger);
      return MidiExport.toStandardMidiFile(ProjectReader.read(doc).view(), attribution.trackCredits(), attribution.copyright());
    });
  }

  /** The MusicXML export of a project, with the same copyright line as the MIDI export. */
  public Future<String> musicXml(Vertx vertx, String projectId) {
    return read(vertx, projectId, (doc, ledger) ->
        MusicXmlExport.toMusicXml(ProjectReader.read(doc).view(), ProjectAttribution.of(doc, ledger).copyright()));
  }

  /**
   * Reads a project's history on a worker thread: {@code reader} gets a copy of its document with
   * garbage collection off (every deleted note and overwritten value still in it) and its ledger, with
   * anonymized authors shown as the owner chose.
   */
  public <T> Future<T> read(Vertx vertx, String projectId, BiFunction<Doc, Ledger, T> reader) {
    Context context = vertx.getOrCreateContext();
    Future<List<byte[]>> document = Future.fromCompletionStage(store.load(projectId), context);
    Future<List<byte[]>> ledger = Future.fromCompletionStage(store.load(LedgerLog.docId(projectId)), context);
    Future<List<byte[]>> names = Future.fromCompletionStage(store.load(AuthorNames.docId(projectId)), context);
    return Future.all(document, ledger, names).compose(all -> vertx.executeBlocking(
        () -> reader.apply(ProjectHistory.historyDoc(document.result()),
            AuthorNames.apply(LedgerLog.read(ledger.result()), AuthorNames.read(names.result()))), false));
  }

  /**
   * Shows {@code actor} as {@code name}, under a pseudonym id, in every answer and export about the
   * project from now on (the owner's choice for someone who left; {@link AuthorNames}).
   */
  public Future<Void> anonymize(Vertx vertx, String projectId, String actor, String name) {
    Context context = vertx.getOrCreateContext();
    String docId = AuthorNames.docId(projectId);
    return Future.fromCompletionStage(store.load(docId), context)
        .compose(updates -> Future.fromCompletionStage(store.append(docId, AuthorNames.anonymize(updates, actor, name)), context));
  }

  /** The stored ledger of a project (empty for one never written). */
  public CompletionStage<Ledger> ledger(String projectId) {
    return store.load(LedgerLog.docId(projectId)).thenApply(LedgerLog::read);
  }

  /** The bytes the stored ledger takes (its log and snapshot). */
  public CompletionStage<Long> storedBytes(String projectId) {
    return store.storedBytes(LedgerLog.docId(projectId));
  }

  /** Removes a project's ledger and its anonymized names (with the project). */
  public CompletionStage<Void> delete(String projectId) {
    return store.delete(LedgerLog.docId(projectId)).thenCompose(v -> store.delete(AuthorNames.docId(projectId)));
  }
}
