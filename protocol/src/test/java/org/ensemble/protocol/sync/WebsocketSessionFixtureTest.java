package org.ensemble.protocol.sync;

import static org.ensemble.protocol.sync.ProtocolFixtures.list;
import static org.ensemble.protocol.sync.ProtocolFixtures.map;
import static org.ensemble.protocol.sync.ProtocolFixtures.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.Test;

/**
 * A session of the stock y-websocket 3.1.0 client against a scripted y-protocols server
 * (websocket/session.json): every frame reads back to the right message and re-encodes byte for byte,
 * the server's frames are what this package builds for the same documents, and a client rebuilt from
 * this package ({@link WebsocketClientEmulation}) sends exactly the frames the JS client sent.
 */
class WebsocketSessionFixtureTest {
  private static final String DIR = "websocket";
  private static final Map<String, Object> SESSION = map(ProtocolFixtures.json(DIR, "session.json"));
  private static final Map<String, Integer> TYPES = Map.of(
      "sync-step1", WebsocketMessages.SYNC, "sync-step2", WebsocketMessages.SYNC, "sync-update", WebsocketMessages.SYNC,
      "awareness", WebsocketMessages.AWARENESS, "query-awareness", WebsocketMessages.QUERY_AWARENESS,
      "permission-denied", WebsocketMessages.AUTH);

  private static byte[] file(Object name) {
    return ProtocolFixtures.bytes(DIR, (String) name);
  }

  private static List<Map<String, Object>> events() {
    return list(SESSION.get("events")).stream().map(ProtocolFixtures::map).toList();
  }

  private static Doc doc(String side) {
    Map<String, Object> meta = map(SESSION.get(side));
    Doc doc = new Doc();
    doc.applyUpdate(file(meta.get("initialState")));
    // after the update: a remote update that writes with the doc's own client id makes it pick a new one
    doc.setClientId(number(meta.get("clientId")));
    return doc;
  }

  private static Awareness awareness(Doc doc, String side) {
    Awareness awareness = new Awareness(doc, () -> 0);
    awareness.setLocalState(map(SESSION.get(side)).get("awarenessState"));
    return awareness;
  }

  @Test
  void everyFrameReadsBackToItsKindAndReEncodesByteForByte() {
    for (Map<String, Object> event : events()) {
      if (event.containsKey("file")) {
        check((String) event.get("kind"), file(event.get("file")));
      }
      for (Object sent : list(event.get("sent"))) {
        check((String) map(sent).get("kind"), file(map(sent).get("file")));
      }
    }
  }

  private static void check(String kind, byte[] frame) {
    WebsocketMessage message = WebsocketMessages.read(frame);
    assertEquals(TYPES.get(kind), message.type(), kind);
    if (message instanceof WebsocketMessage.Sync sync) {
      int expected = kind.equals("sync-step1") ? SyncMessages.STEP1 : kind.equals("sync-step2") ? SyncMessages.STEP2 : SyncMessages.UPDATE;
      assertEquals(expected, sync.message().type(), kind);
    }
    assertArrayEquals(frame, WebsocketMessages.write(message), kind);
  }

  @Test
  void aClientBuiltOnThisPackageSendsExactlyTheFramesOfTheStockClient() {
    Doc doc = doc("client");
    WebsocketClientEmulation client = new WebsocketClientEmulation(doc, awareness(doc, "client"));
    for (Map<String, Object> event : events()) {
      String action = (String) event.get("action");
      int before = client.sent.size();
      switch (action) {
        case "open" -> client.open();
        case "receive" -> client.receive(file(event.get("file")));
        case "edit" -> doc.getText((String) event.get("root")).insert((int) number(event.get("index")), (String) event.get("text"));
        case "setLocalStateField" -> client.awareness.setLocalStateField((String) event.get("field"), event.get("value"));
        case "disconnect" -> client.disconnect();
        default -> throw new IllegalArgumentException("unknown action " + action);
      }
      List<Object> expected = list(event.get("sent"));
      List<byte[]> actual = client.sent.subList(before, client.sent.size());
      assertEquals(expected.size(), actual.size(), action + " " + event.get("kind") + ": number of frames sent");
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(file(map(expected.get(i)).get("file")), actual.get(i), action + ": " + map(expected.get(i)).get("file"));
      }
    }
    Map<String, Object> fin = map(SESSION.get("final"));
    assertArrayEquals(file(fin.get("clientState")), doc.encodeStateAsUpdate());
    assertEquals(ProtocolFixtures.stringified(ProtocolFixtures.pairs(fin.get("clientAwarenessStates"))),
        ProtocolFixtures.stringified(client.awareness.getStates()));
    Map<Long, Object> clocks = new LinkedHashMap<>();
    client.awareness.getMeta().forEach((id, meta) -> clocks.put(id, (Object) (int) meta.clock()));
    assertEquals(ProtocolFixtures.pairs(fin.get("clientAwarenessClocks")), clocks);
    assertEquals(List.of("read-only"), client.permissionDenials);
  }

  @Test
  void theScriptedServerFramesAreWhatThisPackageBuildsForTheSameDocuments() {
    Doc server = doc("server");
    Awareness serverAwareness = awareness(server, "server");
    Map<String, byte[]> received = new LinkedHashMap<>();
    byte[] clientStep1 = null;
    for (Map<String, Object> event : events()) {
      if ("receive".equals(event.get("action"))) {
        received.put((String) event.get("kind"), file(event.get("file")));
      }
      if ("open".equals(event.get("action"))) {
        clientStep1 = file(map(list(event.get("sent")).get(0)).get("file"));
      }
    }
    WebsocketMessage.Sync step1 = (WebsocketMessage.Sync) WebsocketMessages.read(clientStep1);
    assertArrayEquals(received.get("sync-step2"), WebsocketMessages.syncStep2(server, step1.message().payload()));
    assertArrayEquals(received.get("sync-step1"), WebsocketMessages.syncStep1(server));
    assertArrayEquals(received.get("awareness"),
        WebsocketMessages.awareness(serverAwareness.encodeAwarenessUpdate(List.of(server.clientId()))));
    assertArrayEquals(received.get("query-awareness"), WebsocketMessages.queryAwareness());
    assertArrayEquals(received.get("permission-denied"), WebsocketMessages.permissionDenied("read-only"));
    byte[] before = server.encodeStateVector();
    server.getMap("meta").set("bpm", 96);
    assertArrayEquals(received.get("sync-update"), WebsocketMessages.update(server.encodeStateAsUpdate(before)));
  }
}
