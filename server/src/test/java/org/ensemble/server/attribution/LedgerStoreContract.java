package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.UpdateContents;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.sync.RoomConnection;
import org.ensemble.server.sync.UpdateGate;
import org.ensemble.server.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the ledger promises on every document store, run by a subclass per store: entries and client
 * id bindings survive compaction (explicit, and automatic at a small threshold) and reopening the
 * store, appends go on after them without a gap, and a paste of 10,000 notes is one constant-size entry.
 */
abstract class LedgerStoreContract {
  private static final String PROJECT = "proj0ledger1";
  private Vertx vertx;
  private Context context;
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  /** A store of this kind on the same storage each time; small thresholds make compaction frequent. */
  protected abstract DocumentStore open(long compactionThreshold);

  protected abstract CompletionStage<Void> compact(DocumentStore store, String docId);

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stopVertx() throws Exception {
    Await.result(vertx.close().toCompletionStage());
  }

  private <T> T onContext(Supplier<Future<T>> task) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> task.get().onComplete(ar -> {
      if (ar.succeeded()) {
        f.complete(ar.result());
      } else {
        f.completeExceptionally(ar.cause());
      }
    }));
    return Await.result(f);
  }

  /** A client's edit as the room handles it: checked and recorded by the gate, then appended. */
  private void submit(DocumentStore store, UpdateGate gate, RoomConnection from, Doc doc, Consumer<Doc> change)
      throws Exception {
    List<byte[]> produced = new ArrayList<>();
    var sub = doc.onUpdate((u, o, t) -> produced.add(u));
    doc.transact(t -> change.accept(doc));
    sub.close();
    byte[] update = Updates.mergeUpdates(produced);
    UpdateContents contents = Updates.readContents(update);
    onContext(() -> {
      String refusal = gate.check(from, contents, c -> 0);
      if (refusal != null) {
        return Future.failedFuture(refusal);
      }
      return Future.all(gate.record(from, contents), Future.fromCompletionStage(store.append(PROJECT, update))).mapEmpty();
    });
  }

  private UpdateGate gate(Attribution attribution) throws Exception {
    return onContext(() -> attribution.open(PROJECT, context));
  }

  @Test
  void theLedgerSurvivesCompactionAndReopeningAndGoesOnWithoutAGap() throws Exception {
    RoomConnection alice = UserConnection.editor("alice");
    RoomConnection bob = UserConnection.editor("bob");
    Doc a = new Doc();
    Doc b = new Doc();
    List<LedgerEntry> before;
    try (DocumentStore store = open(512)) { // compacts every few hundred bytes on its own too
      Attribution attribution = new Attribution(store, clock::incrementAndGet);
      UpdateGate gate = gate(attribution);
      for (int i = 0; i < 40; i++) {
        int n = i;
        RoomConnection who = i % 2 == 0 ? alice : bob;
        Doc doc = i % 2 == 0 ? a : b;
        submit(store, gate, who, doc, d -> Notes.add(d, "t" + (n % 2), "n" + n, 60 + n % 12, n * 120));
        b.applyUpdate(a.encodeStateAsUpdate());
        a.applyUpdate(b.encodeStateAsUpdate());
      }
      submit(store, gate, bob, b, d -> Notes.delete(d, "n0"));
      a.applyUpdate(b.encodeStateAsUpdate());
      Await.result(compact(store, LedgerLog.docId(PROJECT)));
      Await.result(compact(store, PROJECT));
      before = Await.result(attribution.ledger(PROJECT)).entries();
      assertEquals(41, before.size());
    }
    try (DocumentStore store = open(512)) {
      Attribution attribution = new Attribution(store, clock::incrementAndGet);
      Ledger ledger = Await.result(attribution.ledger(PROJECT));
      assertEquals(before, ledger.entries());
      assertEquals("alice", ledger.ownerOf(a.clientId()));
      assertEquals("bob", ledger.ownerOf(b.clientId()));
      UpdateGate gate = gate(attribution);
      // the binding holds after the restart: bob may not write under alice's id
      Doc forged = new Doc();
      forged.applyUpdate(a.encodeStateAsUpdate());
      forged.setClientId(a.clientId());
      Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> submit(store, gate, bob, forged, d -> Notes.add(d, "t0", "forged", 1, 0)));
      assertTrue(refused.getMessage().contains("another user"), refused.getMessage());
      submit(store, gate, alice, a, d -> Notes.find(d, "n1").set("pitch", 72));
      ProjectAttribution view = onContext(() -> attribution.attribution(vertx, PROJECT));
      JsonObject n1 = view.note("n1").orElseThrow();
      assertEquals("bob", n1.getJsonObject("createdBy").getString("actor"));
      assertEquals("alice", n1.getJsonObject("fields").getJsonObject("pitch").getString("actor"));
      JsonObject n0 = view.note("n0").orElseThrow();
      assertEquals("alice", n0.getJsonObject("createdBy").getString("actor"));
      assertEquals("bob", n0.getJsonObject("deletedBy").getString("actor"));
      assertEquals(60, n0.getJsonObject("fields").getJsonObject("pitch").getInteger("value"), "deleted content kept");
    }
    try (DocumentStore store = open(512)) {
      Ledger ledger = Await.result(new Attribution(store).ledger(PROJECT));
      assertEquals(42, ledger.size(), "the entry after the restart follows the others");
      assertEquals(before, ledger.entries().subList(0, 41));
    }
  }

  @Test
  void aPasteOfTenThousandNotesIsOneConstantSizeEntry() throws Exception {
    long[] bytes = new long[2];
    int[] sizes = {10, 10_000};
    try (DocumentStore store = open(1L << 40)) {
      for (int k = 0; k < sizes.length; k++) {
        String project = "paste" + sizes[k];
        Attribution attribution = new Attribution(store, () -> 1_700_000_000_000L);
        UpdateGate gate = onContext(() -> attribution.open(project, context));
        Doc doc = new Doc();
        // One client id for both pastes: a random one's varint is 1 to 5 bytes long, which the
        // comparison below would count as the entry's growth.
        doc.setClientId(0x12345678L);
        int count = sizes[k];
        List<byte[]> produced = new ArrayList<>();
        doc.onUpdate((u, o, t) -> produced.add(u));
        doc.transact(t -> {
          for (int i = 0; i < count; i++) {
            Notes.add(doc, "piano", "p" + i, 40 + i % 40, i * 120);
          }
        });
        UpdateContents contents = Updates.readContents(produced.get(0));
        RoomConnection alice = UserConnection.editor("alice");
        onContext(() -> {
          assertNull(gate.check(alice, contents, c -> 0));
          return gate.record(alice, contents);
        });
        Ledger ledger = Await.result(attribution.ledger(project));
        assertEquals(1, ledger.size());
        assertEquals(1, ledger.entries().get(0).rangeCount(), "one range, however many notes");
        assertEquals(1, ledger.runCount());
        assertNotNull(ledger.insertOf(new org.ensemble.protocol.crdt.ID(doc.clientId(), count * 6 - 1)));
        bytes[k] = Await.result(attribution.storedBytes(project));
      }
    }
    // the two differ only in the varint of the range's length (60 against 60,000 clocks)
    assertTrue(bytes[1] - bytes[0] <= 2, "10 notes: " + bytes[0] + " bytes, 10,000 notes: " + bytes[1] + " bytes");
    assertTrue(bytes[1] < 100, bytes[1] + " bytes");
  }
}
