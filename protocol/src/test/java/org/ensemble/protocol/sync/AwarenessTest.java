package org.ensemble.protocol.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.Subscription;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwarenessTest {
  private static final long LOCAL = 1;
  private static final long REMOTE = 5;

  private final AtomicLong now = new AtomicLong(1_000_000);
  private Doc doc;
  private Awareness awareness;
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    doc = new Doc();
    doc.setClientId(LOCAL);
    awareness = new Awareness(doc, now::get);
    awareness.onChange((c, origin) -> events.add("change " + describe(c) + " " + origin));
    awareness.onUpdate((c, origin) -> events.add("update " + describe(c) + " " + origin));
  }

  private static String describe(AwarenessChange c) {
    return "+" + c.added() + " ~" + c.updated() + " -" + c.removed();
  }

  /** An awareness update from (clientId, clock, JSON text) triples. */
  static byte[] update(Object... triples) {
    Lib0Encoder encoder = new Lib0Encoder();
    encoder.writeVarUint(triples.length / 3);
    for (int i = 0; i < triples.length; i += 3) {
      encoder.writeVarUint(((Number) triples[i]).longValue());
      encoder.writeVarUint(((Number) triples[i + 1]).longValue());
      encoder.writeVarString((String) triples[i + 2]);
    }
    return encoder.toByteArray();
  }

  private static Map<String, Object> state(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private long clock(long client) {
    return awareness.getMeta().get(client).clock();
  }

  private String stateOf(long client) {
    return awareness.getStates().containsKey(client) ? Json.stringify(awareness.getStates().get(client)) : "absent";
  }

  @Test
  void aNewAwarenessHoldsAnEmptyLocalStateAtClockZero() {
    assertEquals(Map.of(), awareness.getLocalState());
    assertEquals(0, clock(LOCAL));
    assertEquals(LOCAL, awareness.clientId());
    assertArrayEquals(update(LOCAL, 0, "{}"), awareness.encodeAwarenessUpdate(List.of(LOCAL)));
  }

  @Test
  void aHigherClockReplacesARemoteStateAndALowerOrEqualOneIsIgnored() {
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "{\"a\":1}"), "peer");
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "{\"a\":2}"), "peer");
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "{\"a\":3}"), "peer");
    assertEquals("{\"a\":1}", stateOf(REMOTE));
    awareness.applyAwarenessUpdate(update(REMOTE, 3, "{\"a\":4}"), "peer");
    assertEquals("{\"a\":4}", stateOf(REMOTE));
    assertEquals(3, clock(REMOTE));
    assertEquals(List.of(
        "change +[5] ~[] -[] peer", "update +[5] ~[] -[] peer",
        "change +[] ~[5] -[] peer", "update +[] ~[5] -[] peer"), events);
  }

  @Test
  void anEqualClockWithANullStateRemovesAKnownState() {
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "{\"a\":1}"), "peer");
    events.clear();
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "null"), "peer");
    assertEquals("absent", stateOf(REMOTE));
    assertEquals(List.of("change +[] ~[] -[5] peer", "update +[] ~[] -[5] peer"), events);
    events.clear();
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "null"), "peer");
    assertEquals(List.of(), events);
  }

  @Test
  void aFirstStateWithClockZeroIsIgnoredAndANullForAnUnknownClientOnlyRecordsItsClock() {
    awareness.applyAwarenessUpdate(update(REMOTE, 0, "{\"a\":1}"), "peer");
    assertEquals("absent", stateOf(REMOTE));
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "null"), "peer");
    assertEquals(1, clock(REMOTE));
    assertEquals(List.of(), events);
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "{\"a\":1}"), "peer");
    assertEquals(List.of("change +[] ~[5] -[] peer", "update +[] ~[5] -[] peer"), events);
  }

  @Test
  void aRemoteNullForTheLocalClientBumpsTheLocalClockInsteadOfRemovingIt() {
    awareness.setLocalState(state("name", "me"));
    events.clear();
    awareness.applyAwarenessUpdate(update(LOCAL, 1, "null"), "peer");
    assertEquals("{\"name\":\"me\"}", stateOf(LOCAL));
    assertEquals(2, clock(LOCAL));
    assertEquals(List.of("change +[] ~[] -[1] peer", "update +[] ~[] -[1] peer"), events);
    assertArrayEquals(update(LOCAL, 2, "{\"name\":\"me\"}"), awareness.encodeAwarenessUpdate(List.of(LOCAL)));
  }

  @Test
  void removingYourOwnClientIdBumpsYourClock() {
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "{}"), "peer");
    events.clear();
    awareness.removeAwarenessStates(List.of(LOCAL, REMOTE, 99L), "closing");
    assertNull(awareness.getLocalState());
    assertEquals(1, clock(LOCAL));
    assertEquals(1, clock(REMOTE));
    assertEquals(List.of("change +[] ~[] -[1, 5] closing", "update +[] ~[] -[1, 5] closing"), events);
    assertArrayEquals(update(LOCAL, 1, "null"), awareness.encodeAwarenessUpdate(List.of(LOCAL)));
    events.clear();
    awareness.removeAwarenessStates(List.of(LOCAL), "again");
    assertEquals(List.of(), events);
  }

  @Test
  void resendingAnEqualStateIsAnUpdateButNotAChange() {
    awareness.setLocalState(state("user", state("name", "Ada")));
    events.clear();
    awareness.setLocalState(state("user", state("name", "Ada")));
    assertEquals(List.of("update +[] ~[1] -[] local"), events);
    events.clear();
    awareness.setLocalStateField("user", state("name", "Bob"));
    assertEquals(List.of("change +[] ~[1] -[] local", "update +[] ~[1] -[] local"), events);

    awareness.applyAwarenessUpdate(update(REMOTE, 1, "{\"n\":[1,2.0]}"), "peer");
    events.clear();
    awareness.applyAwarenessUpdate(update(REMOTE, 2, " { \"n\" : [1, 2] } "), "peer");
    assertEquals(List.of("update +[] ~[5] -[] peer"), events);
  }

  @Test
  void settingTheLocalStateToNullReportsARemovalEveryTime() {
    awareness.setLocalState(null);
    awareness.setLocalState(null);
    assertEquals(List.of(
        "change +[] ~[] -[1] local", "update +[] ~[] -[1] local",
        "change +[] ~[] -[1] local", "update +[] ~[] -[1] local"), events);
    events.clear();
    awareness.setLocalStateField("x", 1);
    assertEquals(List.of(), events);
    awareness.setLocalState(state("back", true));
    assertEquals(List.of("change +[1] ~[] -[] local", "update +[1] ~[] -[] local"), events);
    assertEquals(3, clock(LOCAL));
  }

  @Test
  void remoteStatesNotRenewedForThirtySecondsAreRemovedWithOriginTimeout() {
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "{}"), "peer");
    awareness.applyAwarenessUpdate(update(6, 1, "{}"), "peer");
    events.clear();
    now.addAndGet(20_000);
    awareness.applyAwarenessUpdate(update(6, 2, "{}"), "peer");
    now.addAndGet(Awareness.OUTDATED_TIMEOUT_MS - 20_000 - 1);
    awareness.checkOutdated();
    assertEquals("{}", stateOf(REMOTE));
    events.clear();
    now.addAndGet(1);
    awareness.checkOutdated();
    assertEquals("absent", stateOf(REMOTE));
    assertEquals("{}", stateOf(6));
    assertEquals(List.of("change +[] ~[] -[5] timeout", "update +[] ~[] -[5] timeout"), events);
  }

  @Test
  void theLocalStateIsRenewedAfterFifteenSeconds() {
    awareness.setLocalState(state("here", true));
    events.clear();
    now.addAndGet(Awareness.OUTDATED_TIMEOUT_MS / 2 - 1);
    awareness.checkOutdated();
    assertEquals(List.of(), events);
    now.addAndGet(1);
    awareness.checkOutdated();
    assertEquals(List.of("update +[] ~[1] -[] local"), events);
    assertEquals(2, clock(LOCAL));
    assertEquals(now.get(), awareness.getMeta().get(LOCAL).lastUpdated());
    now.addAndGet(Awareness.OUTDATED_TIMEOUT_MS * 10);
    events.clear();
    awareness.checkOutdated();
    assertEquals("{\"here\":true}", stateOf(LOCAL));
    assertEquals(List.of("update +[] ~[1] -[] local"), events);
  }

  @Test
  void anAbsentLocalStateIsNotRenewed() {
    awareness.setLocalState(null);
    events.clear();
    now.addAndGet(Awareness.OUTDATED_TIMEOUT_MS);
    awareness.checkOutdated();
    assertEquals(List.of(), events);
    assertEquals(1, clock(LOCAL));
  }

  @Test
  void malformedAwarenessUpdatesRaiseDecodingExceptionAndLeaveStatesUntouched() {
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "{\"a\":1}"), "peer");
    events.clear();
    Map<Long, Object> statesBefore = new LinkedHashMap<>(awareness.getStates());
    Map<Long, ClientMeta> metaBefore = new LinkedHashMap<>(awareness.getMeta());
    byte[] goodThenBadJson = update(6, 1, "{\"b\":2}", REMOTE, 9, "{\"a\":");
    byte[] goodThenTruncated = java.util.Arrays.copyOf(update(6, 1, "{}", 7, 1, "{\"c\":3}"), 10);
    byte[] badVarint = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
    byte[] hugeCount = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x0F, 1, 1, 2, '{', '}'};
    byte[] badUtf8 = {1, 6, 1, 3, '"', (byte) 0xC3, '"'};
    byte[] trailing = {1, 6, 1, 2, '{', '}', 0};
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("malformed JSON", goodThenBadJson);
    cases.put("unexpected end", goodThenTruncated);
    cases.put("invalid varint", badVarint);
    cases.put("claims", hugeCount);
    cases.put("malformed UTF-8", badUtf8);
    cases.put("unexpected bytes", trailing);
    cases.put("unexpected end of buffer", new byte[0]);
    cases.forEach((reason, bytes) -> {
      DecodingException e = assertThrows(DecodingException.class, () -> awareness.applyAwarenessUpdate(bytes, "evil"));
      assertTrue(e.getMessage().contains(reason), reason + ": " + e.getMessage());
      assertEquals(statesBefore, awareness.getStates(), reason);
      assertEquals(metaBefore, awareness.getMeta(), reason);
    });
    assertEquals(List.of(), events);
  }

  @Test
  void encodingAClientWithoutAClockIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> awareness.encodeAwarenessUpdate(List.of(42L)));
  }

  @Test
  void explicitStatesAreEncodedWithTheCurrentClocks() {
    awareness.setLocalState(state("u", 1));
    assertArrayEquals(update(LOCAL, 1, "null"), awareness.encodeAwarenessUpdate(List.of(LOCAL), Map.of()));
    assertArrayEquals(update(LOCAL, 1, "[1]"), awareness.encodeAwarenessUpdate(List.of(LOCAL), Map.of(LOCAL, List.of(1))));
  }

  @Test
  void falsyStatesAreStoredButEncodedAsNullAsInJavaScript() {
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "0", 6, 1, "\"\"", 7, 1, "false", 8, 1, "\"s\""), "peer");
    assertEquals(List.of("change +[5, 6, 7, 8] ~[] -[] peer", "update +[5, 6, 7, 8] ~[] -[] peer"), events);
    assertArrayEquals(update(REMOTE, 1, "null", 6, 1, "null", 7, 1, "null", 8, 1, "\"s\""),
        awareness.encodeAwarenessUpdate(List.of(REMOTE, 6L, 7L, 8L)));
  }

  @Test
  void modifyAwarenessUpdateRewritesStatesButKeepsClientsAndClocks() {
    byte[] in = update(REMOTE, 3, " {\"name\" : \"x\"} ", 6, 4, "null");
    byte[] out = Awareness.modifyAwarenessUpdate(in, s -> s == null ? null : state("name", "verified"));
    assertArrayEquals(update(REMOTE, 3, "{\"name\":\"verified\"}", 6, 4, "null"), out);
    assertThrows(DecodingException.class, () -> Awareness.modifyAwarenessUpdate(new byte[] {1, 1}, s -> s));
  }

  @Test
  void destroyAnnouncesTheLeaveAndDropsTheListeners() {
    awareness.destroy();
    assertEquals(List.of("change +[] ~[] -[1] local", "update +[] ~[] -[1] local"), events);
    events.clear();
    awareness.applyAwarenessUpdate(update(REMOTE, 1, "{}"), "peer");
    assertEquals(List.of(), events);
    assertNull(awareness.getLocalState());
  }

  @Test
  void destroyingTheDocDestroysItsAwareness() {
    doc.destroy();
    assertEquals(List.of("change +[] ~[] -[1] local", "update +[] ~[] -[1] local"), events);
    assertNull(awareness.getLocalState());
  }

  @Test
  void aThrowingListenerDoesNotStarveTheOthersAndItsExceptionSurfaces() {
    List<String> seen = new ArrayList<>();
    Subscription bad = awareness.onUpdate((c, o) -> {
      throw new IllegalStateException("listener failed");
    });
    awareness.onUpdate((c, o) -> seen.add("second"));
    assertThrows(IllegalStateException.class, () -> awareness.setLocalState(state("x", 1)));
    assertEquals(List.of("second"), seen);
    assertEquals("{\"x\":1}", stateOf(LOCAL));
    bad.close();
    awareness.setLocalState(state("x", 2));
    assertEquals(List.of("second", "second"), seen);
  }

  @Test
  void bringsNothingNewIsTrueExactlyWhenApplyingTheUpdateChangesNoStateOrClock() {
    java.util.Random random = new java.util.Random(20261207);
    int echoes = 0;
    for (int i = 0; i < 5_000; i++) {
      if (i % 8 == 0) {
        awareness = new Awareness(doc, now::get); // small clocks saturate: start again now and then
      }
      byte[] update = RandomAwareness.update(random);
      boolean predicted = awareness.bringsNothingNew(update);
      String before = awareness.getMeta() + " " + awareness.getStates();
      awareness.applyAwarenessUpdate(update, "peer");
      String after = awareness.getMeta() + " " + awareness.getStates();
      assertEquals(before.equals(after), predicted, () -> "seed 20261207, update " + java.util.Arrays.toString(update) + " on " + before);
      echoes += predicted ? 1 : 0;
    }
    assertTrue(echoes > 500 && echoes < 4_500, "both answers are exercised: " + echoes);
  }

  @Test
  void anEchoOfAKnownStateBringsNothingNewButARemovalAtTheSameClockDoes() {
    awareness.applyAwarenessUpdate(update(REMOTE, 2, "{\"cursor\":1}"), "peer");
    assertTrue(awareness.bringsNothingNew(update(REMOTE, 2, "{\"cursor\":1}")));
    assertTrue(awareness.bringsNothingNew(update(REMOTE, 1, "{\"cursor\":0}")));
    assertEquals(false, awareness.bringsNothingNew(update(REMOTE, 3, "{\"cursor\":2}")));
    assertEquals(false, awareness.bringsNothingNew(update(REMOTE, 2, "null")));
    assertEquals(false, awareness.bringsNothingNew(new byte[] {5, 1}), "a malformed update is left to the full decode");
  }
}
