package org.ensemble.protocol.sync;

import static org.ensemble.protocol.support.Replicas.doc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.junit.jupiter.api.Test;

class SyncMessagesTest {

  /** Delivers {@code message} to {@code receiver} and returns its reply (empty when there is none). */
  private static byte[] deliver(byte[] message, Doc receiver, Object origin) {
    Lib0Encoder reply = new Lib0Encoder();
    SyncMessages.readSyncMessage(new Lib0Decoder(message), reply, receiver, origin);
    return reply.toByteArray();
  }

  /** The content of the roots these tests use (Doc.toJSON lists only roots the doc has been asked for). */
  private static Map<String, Object> content(Doc doc) {
    return Map.of(
        "notes", doc.getText("notes").toString(),
        "meta", doc.getMap("meta").toJSON(),
        "tracks", doc.getArray("tracks").toJSON());
  }

  private static byte[] step1(Doc doc) {
    Lib0Encoder encoder = new Lib0Encoder();
    SyncMessages.writeSyncStep1(encoder, doc);
    return encoder.toByteArray();
  }

  @Test
  void twoDocsConvergeThroughStep1Step2AndThenUpdates() {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getText("notes").insert(0, "from a 🎵");
    a.getMap("meta").set("tempo", 120);
    b.getArray("tracks").push(List.of("bass", Map.of("muted", false)));

    assertArrayEquals(new byte[0], deliver(deliver(step1(a), b, "a"), a, "b"));
    assertArrayEquals(new byte[0], deliver(deliver(step1(b), a, "b"), b, "a"));
    assertEquals(content(a), content(b));
    assertArrayEquals(a.encodeStateVector(), b.encodeStateVector());

    List<byte[]> outbox = new ArrayList<>();
    a.onUpdate((update, origin, tx) -> {
      Lib0Encoder encoder = new Lib0Encoder();
      SyncMessages.writeUpdate(encoder, update);
      outbox.add(encoder.toByteArray());
    });
    a.getText("notes").insert(0, "more ");
    a.getText("notes").delete(0, 2);
    for (byte[] message : outbox) {
      Lib0Encoder reply = new Lib0Encoder();
      assertEquals(SyncMessages.UPDATE, SyncMessages.readSyncMessage(new Lib0Decoder(message), reply, b, "a"));
      assertFalse(reply.hasContent());
    }
    assertEquals(content(a), content(b));
    assertEquals("re from a 🎵", b.getText("notes").toString());
  }

  @Test
  void readSyncMessageAnswersStep1WithAStep2HoldingWhatTheSenderMisses() {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getText("t").insert(0, "shared");
    b.applyUpdate(a.encodeStateAsUpdate());
    b.getText("t").insert(6, " and b's");

    Lib0Encoder reply = new Lib0Encoder();
    int type = SyncMessages.readSyncMessage(new Lib0Decoder(step1(a)), reply, b, "a");

    assertEquals(SyncMessages.STEP1, type);
    Lib0Encoder expected = new Lib0Encoder();
    expected.writeVarUint(SyncMessages.STEP2);
    expected.writeVarUint8Array(b.encodeStateAsUpdate(a.encodeStateVector()));
    assertArrayEquals(expected.toByteArray(), reply.toByteArray());
  }

  @Test
  void step2WithoutAStateVectorCarriesTheWholeDocument() {
    Doc a = doc(1);
    a.getMap("m").set("k", "v");
    Lib0Encoder encoder = new Lib0Encoder();
    SyncMessages.writeSyncStep2(encoder, a, null);
    SyncMessage message = SyncMessages.read(new Lib0Decoder(encoder.toByteArray()));
    assertEquals(SyncMessage.step2(a.encodeStateAsUpdate()), message);
  }

  @Test
  void readDecodesWithoutTouchingAnyDocSoAnUpdateCanBeInspectedFirst() {
    Doc a = doc(1);
    a.getText("t").insert(0, "x");
    Lib0Encoder encoder = new Lib0Encoder();
    SyncMessages.writeUpdate(encoder, a.encodeStateAsUpdate());
    byte[] bytes = encoder.toByteArray();

    SyncMessage message = SyncMessages.read(new Lib0Decoder(bytes));
    assertEquals(SyncMessages.UPDATE, message.type());
    assertTrue(message.carriesUpdate());
    assertArrayEquals(a.encodeStateAsUpdate(), message.payload());

    Doc b = doc(2);
    List<Object> origins = new ArrayList<>();
    b.onUpdate((update, origin, tx) -> origins.add(origin));
    SyncMessages.apply(message, new Lib0Encoder(), b, "authorized");
    assertEquals(List.of("authorized"), origins);
    assertEquals("x", b.getText("t").toString());

    Lib0Encoder again = new Lib0Encoder();
    SyncMessages.write(again, message);
    assertArrayEquals(bytes, again.toByteArray());
  }

  @Test
  void unknownSyncMessageTypeRaisesDecodingExceptionNamingTheType() {
    DecodingException e = assertThrows(DecodingException.class,
        () -> SyncMessages.readSyncMessage(new Lib0Decoder(new byte[] {3, 0}), new Lib0Encoder(), doc(1), null));
    assertTrue(e.getMessage().contains("unknown sync message type 3"), e.getMessage());
  }

  @Test
  void truncatedMessagesRaiseDecodingExceptionWithAReason() {
    Doc a = doc(1);
    a.getText("t").insert(0, "some text");
    byte[] full = step1(a);
    for (int cut = 0; cut < full.length; cut++) {
      byte[] truncated = java.util.Arrays.copyOf(full, cut);
      DecodingException e = assertThrows(DecodingException.class, () -> SyncMessages.read(new Lib0Decoder(truncated)));
      assertTrue(e.getMessage().contains("unexpected end"), e.getMessage());
    }
    DecodingException e = assertThrows(DecodingException.class,
        () -> SyncMessages.read(new Lib0Decoder(new byte[] {2, 100, 1, 2})));
    assertTrue(e.getMessage().contains("byte array of 100 bytes"), e.getMessage());
  }

  @Test
  void malformedUpdateRaisesDecodingExceptionAndLeavesTheDocUnchanged() {
    Doc b = doc(2);
    b.getText("t").insert(0, "keep");
    byte[] before = b.encodeStateAsUpdate();
    for (int type : new int[] {SyncMessages.STEP2, SyncMessages.UPDATE}) {
      Lib0Encoder message = new Lib0Encoder();
      message.writeVarUint(type);
      message.writeVarUint8Array(new byte[] {5, 1, 2});
      Lib0Encoder reply = new Lib0Encoder();
      assertThrows(DecodingException.class,
          () -> SyncMessages.readSyncMessage(new Lib0Decoder(message.toByteArray()), reply, b, "evil"));
      assertFalse(reply.hasContent());
    }
    assertArrayEquals(before, b.encodeStateAsUpdate());
  }

  @Test
  void malformedStateVectorInStep1RaisesDecodingExceptionAndWritesNoReply() {
    Lib0Encoder message = new Lib0Encoder();
    message.writeVarUint(SyncMessages.STEP1);
    message.writeVarUint8Array(new byte[] {9, 1});
    Lib0Encoder reply = new Lib0Encoder();
    assertThrows(DecodingException.class,
        () -> SyncMessages.readSyncMessage(new Lib0Decoder(message.toByteArray()), reply, doc(1), null));
    assertFalse(reply.hasContent());
  }

  @Test
  void syncMessagesCompareByContent() {
    assertEquals(SyncMessage.update(new byte[] {1, 2}), SyncMessage.update(new byte[] {1, 2}));
    assertEquals(SyncMessage.update(new byte[] {1, 2}).hashCode(), SyncMessage.update(new byte[] {1, 2}).hashCode());
    assertFalse(SyncMessage.update(new byte[] {1}).equals(SyncMessage.step2(new byte[] {1})));
    assertFalse(SyncMessage.step1(new byte[] {0}).carriesUpdate());
    assertThrows(IllegalArgumentException.class, () -> new SyncMessage(3, new byte[0]));
  }
}
