package org.ensemble.protocol.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.DecodingException;
import org.junit.jupiter.api.Test;

class WebsocketMessagesTest {

  private static Doc docWithText(long clientId, String text) {
    Doc doc = new Doc();
    doc.setClientId(clientId);
    doc.getText("t").insert(0, text);
    return doc;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static byte[] lengthPrefixed(byte[] body) {
    return concat(new byte[] {(byte) body.length}, body);
  }

  @Test
  void syncFramesAreTypeZeroFollowedByTheSyncMessage() {
    Doc doc = docWithText(5, "abc");
    byte[] sv = doc.encodeStateVector();
    assertArrayEquals(concat(new byte[] {0, 0}, lengthPrefixed(sv)), WebsocketMessages.syncStep1(doc));
    assertArrayEquals(concat(new byte[] {0, 1}, lengthPrefixed(doc.encodeStateAsUpdate())),
        WebsocketMessages.syncStep2(doc, null));
    assertArrayEquals(concat(new byte[] {0, 1}, lengthPrefixed(doc.encodeStateAsUpdate(sv))),
        WebsocketMessages.syncStep2(doc, sv));
    assertArrayEquals(new byte[] {0, 2, 3, 7, 8, 9}, WebsocketMessages.update(new byte[] {7, 8, 9}));
  }

  @Test
  void awarenessAuthAndQueryFramesHaveTheirTypeByteFirst() {
    assertArrayEquals(new byte[] {1, 2, 4, 5}, WebsocketMessages.awareness(new byte[] {4, 5}));
    assertArrayEquals(new byte[] {2, 0, 1, 'x'}, WebsocketMessages.permissionDenied("x"));
    assertArrayEquals(new byte[] {3}, WebsocketMessages.queryAwareness());
  }

  @Test
  void everyMessageReadsBackToItsRecordAndReEncodesByteForByte() {
    Doc doc = docWithText(5, "abc");
    List<byte[]> messages = List.of(
        WebsocketMessages.syncStep1(doc),
        WebsocketMessages.syncStep2(doc, null),
        WebsocketMessages.update(doc.encodeStateAsUpdate()),
        WebsocketMessages.awareness(new Awareness(doc, () -> 0).encodeAwarenessUpdate(List.of(5L))),
        WebsocketMessages.permissionDenied("not yours 🙅"),
        WebsocketMessages.queryAwareness());
    for (byte[] message : messages) {
      WebsocketMessage decoded = WebsocketMessages.read(message);
      assertEquals(message[0], decoded.type());
      assertArrayEquals(message, WebsocketMessages.write(decoded));
    }
    WebsocketMessage.Sync step1 = assertInstanceOf(WebsocketMessage.Sync.class, WebsocketMessages.read(messages.get(0)));
    assertEquals(SyncMessage.step1(doc.encodeStateVector()), step1.message());
    WebsocketMessage.PermissionDenied denied =
        assertInstanceOf(WebsocketMessage.PermissionDenied.class, WebsocketMessages.read(messages.get(4)));
    assertEquals("not yours 🙅", denied.reason());
    assertEquals(new WebsocketMessage.Awareness(new byte[] {1}), new WebsocketMessage.Awareness(new byte[] {1}));
  }

  @Test
  void unknownMessageTypeRaisesDecodingExceptionNamingTheType() {
    DecodingException e = assertThrows(DecodingException.class, () -> WebsocketMessages.read(new byte[] {4}));
    assertTrue(e.getMessage().contains("unknown y-websocket message type 4"), e.getMessage());
    DecodingException big = assertThrows(DecodingException.class,
        () -> WebsocketMessages.read(new byte[] {(byte) 0x80, 0x01}));
    assertTrue(big.getMessage().contains("type 128"), big.getMessage());
  }

  @Test
  void unknownSyncOrAuthTypeInsideAFrameRaisesDecodingException() {
    DecodingException sync = assertThrows(DecodingException.class, () -> WebsocketMessages.read(new byte[] {0, 7, 0}));
    assertTrue(sync.getMessage().contains("unknown sync message type 7"), sync.getMessage());
    DecodingException auth = assertThrows(DecodingException.class, () -> WebsocketMessages.read(new byte[] {2, 1, 0}));
    assertTrue(auth.getMessage().contains("unknown auth message type 1"), auth.getMessage());
  }

  @Test
  void emptyTruncatedAndOverlongMessagesRaiseDecodingException() {
    assertThrows(DecodingException.class, () -> WebsocketMessages.read(new byte[0]));
    byte[] step1 = WebsocketMessages.syncStep1(docWithText(5, "abc"));
    for (int cut = 1; cut < step1.length; cut++) {
      byte[] truncated = Arrays.copyOf(step1, cut);
      assertThrows(DecodingException.class, () -> WebsocketMessages.read(truncated));
    }
    DecodingException trailing = assertThrows(DecodingException.class,
        () -> WebsocketMessages.read(concat(WebsocketMessages.queryAwareness(), new byte[] {0})));
    assertTrue(trailing.getMessage().contains("1 unexpected bytes"), trailing.getMessage());
    assertThrows(DecodingException.class, () -> WebsocketMessages.read(new byte[] {1, 3, 1}));
  }
}
