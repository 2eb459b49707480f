package org.ensemble.protocol.sync;

import static org.ensemble.protocol.sync.ProtocolFixtures.list;
import static org.ensemble.protocol.sync.ProtocolFixtures.longs;
import static org.ensemble.protocol.sync.ProtocolFixtures.map;
import static org.ensemble.protocol.sync.ProtocolFixtures.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.support.YjsPeer;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.ensemble.protocol.support.TaggedJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java-written messages read by the real y-protocols 1.0.7 (through protocol/src/test/js/peer.mjs):
 * awareness updates encoded here give y-protocols the same states, clocks and events as this
 * Awareness, and a Java doc and a Yjs doc converge through sync messages written on both sides.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class YProtocolsPeerIT {
  private static final long RECEIVER = 1;
  private static YjsPeer peer;

  @BeforeAll
  static void startPeer() {
    peer = YjsPeer.start();
  }

  @AfterAll
  static void stopPeer() {
    if (peer != null) {
      peer.close();
    }
  }

  @BeforeEach
  void resetPeer() {
    peer.request(Map.of("op", "reset"));
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] bytes(Object b64) {
    return Base64.getDecoder().decode((String) b64);
  }

  /** What applying {@code updates} to a fresh awareness of client {@link #RECEIVER} did, as comparable text. */
  private record Outcome(List<String> events, List<String> states, Map<Long, Long> clocks, String encoded) {}

  private static String event(String kind, List<Long> added, List<Long> updated, List<Long> removed, Object origin) {
    return kind + " added=" + added + " updated=" + updated + " removed=" + removed + " origin=" + origin;
  }

  private static Outcome inJava(List<byte[]> updates) {
    Doc doc = new Doc();
    doc.setClientId(RECEIVER);
    Awareness awareness = new Awareness(doc, () -> 0);
    List<String> events = new ArrayList<>();
    awareness.onChange((c, o) -> events.add(event("change", c.added(), c.updated(), c.removed(), o)));
    awareness.onUpdate((c, o) -> events.add(event("update", c.added(), c.updated(), c.removed(), o)));
    for (byte[] update : updates) {
      awareness.applyAwarenessUpdate(update, "peer");
    }
    Map<Long, Long> clocks = new LinkedHashMap<>();
    awareness.getMeta().forEach((id, meta) -> clocks.put(id, meta.clock()));
    String encoded = b64(awareness.encodeAwarenessUpdate(List.copyOf(awareness.getMeta().keySet())));
    return new Outcome(events, ProtocolFixtures.stringified(awareness.getStates()), clocks, encoded);
  }

  private static Outcome inYProtocols(List<byte[]> updates) {
    List<String> encoded = updates.stream().map(YProtocolsPeerIT::b64).toList();
    Map<String, Object> r = peer.request(Map.of("op", "awarenessApply", "clientId", RECEIVER, "updates", encoded));
    List<String> events = new ArrayList<>();
    for (Object e : list(r.get("events"))) {
      Map<String, Object> ev = map(e);
      events.add(event((String) ev.get("event"), longs(ev.get("added")), longs(ev.get("updated")),
          longs(ev.get("removed")), ev.get("origin")));
    }
    List<String> states = new ArrayList<>();
    for (Object pair : list(r.get("states"))) {
      states.add(number(list(pair).get(0)) + "=" + list(pair).get(1));
    }
    Map<Long, Long> clocks = new LinkedHashMap<>();
    for (Object pair : list(r.get("clocks"))) {
      clocks.put(number(list(pair).get(0)), number(list(pair).get(1)));
    }
    return new Outcome(events, states, clocks, (String) r.get("encoded"));
  }

  private static Map<String, Object> obj(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void javaEncodedAwarenessUpdatesGiveYProtocolsTheSameStatesClocksAndEvents() {
    Doc aliceDoc = new Doc();
    aliceDoc.setClientId(10);
    Awareness alice = new Awareness(aliceDoc, () -> 0);
    Doc bobDoc = new Doc();
    bobDoc.setClientId(4_294_967_295L);
    Awareness bob = new Awareness(bobDoc, () -> 0);
    List<byte[]> updates = new ArrayList<>();

    alice.setLocalState(obj("user", obj("name", "Zoë 🎹", "color", "#30bced"), "10", List.of(1.5, -0.0, 1e21, "\u2028\ud800\"")));
    updates.add(alice.encodeAwarenessUpdate(List.of(10L)));
    bob.setLocalState(obj("cursor", obj("anchor", 3, "head", null)));
    bob.setLocalState(obj("cursor", obj("anchor", 3, "head", null)));
    updates.add(bob.encodeAwarenessUpdate(List.of(4_294_967_295L)));
    alice.setLocalStateField("cursor", List.of());
    updates.add(alice.encodeAwarenessUpdate(List.of(10L)));
    updates.add(alice.encodeAwarenessUpdate(List.of(10L)));
    updates.add(alice.encodeAwarenessUpdate(List.of(10L), Map.of()));
    bob.removeAwarenessStates(List.of(4_294_967_295L), "closing");
    updates.add(bob.encodeAwarenessUpdate(List.of(4_294_967_295L)));
    updates.add(Awareness.modifyAwarenessUpdate(updates.get(0), s -> obj("verified", true)));
    updates.add(new AwarenessUpdate(List.of(
        new AwarenessUpdate.Entry(RECEIVER, 0, null),
        new AwarenessUpdate.Entry(12, 1, 0),
        new AwarenessUpdate.Entry(13, 1, ""),
        new AwarenessUpdate.Entry(12, 2, 0))).encode());

    assertEquals(inYProtocols(updates), inJava(updates));
  }

  @Test
  void seededRandomAwarenessUpdatesAgreeWithYProtocols() {
    for (long seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      List<byte[]> updates = new ArrayList<>();
      for (int u = 0; u < 6; u++) {
        updates.add(RandomAwareness.update(random));
      }
      Outcome js = inYProtocols(updates);
      Outcome java = inJava(updates);
      assertEquals(js, java, "seed " + seed);
    }
  }

  @Test
  void aJavaDocAndAYjsDocConvergeThroughSyncMessages() {
    peer.request(Map.of("op", "create", "doc", "js", "clientId", 6));
    Map<String, Object> text = Map.of("root", "t", "kind", "text");
    Map<String, Object> meta = Map.of("root", "m", "kind", "map");
    peer.request(Map.of("op", "edit", "doc", "js", "actions", List.of(
        Map.of("type", "textInsert", "target", text, "index", 0, "text", "from js 🎸"),
        Map.of("type", "mapSet", "target", meta, "key", "k", "value", Map.of("nested", List.of(1, 2))))));
    Doc java = new Doc();
    java.setClientId(5);
    java.getText("t").insert(0, "from java 🎹 ");
    java.getMap("m").set("j", 1);

    Lib0Encoder step1 = new Lib0Encoder();
    SyncMessages.writeSyncStep1(step1, java);
    Map<String, Object> answer = peer.request(Map.of("op", "readSyncMessage", "doc", "js", "message", b64(step1.toByteArray())));
    assertEquals(SyncMessages.STEP1, number(answer.get("type")));
    Lib0Encoder none = new Lib0Encoder();
    assertEquals(SyncMessages.STEP2, SyncMessages.readSyncMessage(new Lib0Decoder(bytes(answer.get("reply"))), none, java, "js"));

    byte[] jsStep1 = bytes(peer.request(Map.of("op", "writeSyncStep1", "doc", "js")).get("message"));
    Lib0Encoder reply = new Lib0Encoder();
    assertEquals(SyncMessages.STEP1, SyncMessages.readSyncMessage(new Lib0Decoder(jsStep1), reply, java, "js"));
    Map<String, Object> applied = peer.request(Map.of("op", "readSyncMessage", "doc", "js", "message", b64(reply.toByteArray())));
    assertEquals(SyncMessages.STEP2, number(applied.get("type")));
    assertEquals("", applied.get("reply"));
    assertSameContent(java);

    List<byte[]> outbox = new ArrayList<>();
    java.onUpdate((update, origin, tx) -> {
      Lib0Encoder message = new Lib0Encoder();
      SyncMessages.writeUpdate(message, update);
      outbox.add(message.toByteArray());
    });
    java.getText("t").delete(0, 5);
    java.getMap("m").set("k", "overwritten by java");
    for (byte[] message : outbox) {
      assertEquals(SyncMessages.UPDATE, number(peer.request(Map.of("op", "readSyncMessage", "doc", "js", "message", b64(message))).get("type")));
    }
    assertSameContent(java);
  }

  private static void assertSameContent(Doc java) {
    Map<String, Object> state = peer.request(Map.of("op", "state", "doc", "js", "roots", Map.of("t", "text", "m", "map")));
    Map<String, Object> javaJson = new LinkedHashMap<>();
    javaJson.put("t", java.getText("t").toString());
    javaJson.put("m", java.getMap("m").toJSON());
    assertEquals(TaggedJson.canonical(state.get("json")), TaggedJson.canonicalOfJava(javaJson));
    assertArrayEquals(bytes(state.get("sv")), java.encodeStateVector());
  }
}
