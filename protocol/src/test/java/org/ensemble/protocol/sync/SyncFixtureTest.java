package org.ensemble.protocol.sync;

import static org.ensemble.protocol.sync.ProtocolFixtures.map;
import static org.ensemble.protocol.sync.ProtocolFixtures.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.junit.jupiter.api.Test;

/**
 * The sync messages of y-protocols 1.0.7 for two small documents (sync/sync.json): what Java writes
 * for the same documents is byte-identical, and Java's readSyncMessage answers and applies the JS
 * messages exactly as y-protocols did.
 */
class SyncFixtureTest {
  private static final String DIR = "sync";
  private static final Map<String, Object> META = map(ProtocolFixtures.json(DIR, "sync.json"));
  private static final Map<String, Object> FILES = map(META.get("files"));

  private static byte[] file(String key) {
    return ProtocolFixtures.bytes(DIR, (String) FILES.get(key));
  }

  private static Doc doc(String name) {
    Doc doc = new Doc();
    doc.applyUpdate(file(name + "State"));
    // after the update: a remote update that writes with the doc's own client id makes it pick a new one
    doc.setClientId(number(map(META.get("clientIds")).get(name)));
    return doc;
  }

  private static byte[] write(java.util.function.Consumer<Lib0Encoder> writer) {
    Lib0Encoder encoder = new Lib0Encoder();
    writer.accept(encoder);
    return encoder.toByteArray();
  }

  @Test
  void javaWritesTheSameStep1Step2AndUpdateMessages() {
    Doc a = doc("a");
    assertArrayEquals(file("step1"), write(e -> SyncMessages.writeSyncStep1(e, a)));
    assertArrayEquals(file("step2Full"), write(e -> SyncMessages.writeSyncStep2(e, a, null)));
    assertArrayEquals(file("step2ForB"), write(e -> SyncMessages.writeSyncStep2(e, a, file("bStateVector"))));
    assertArrayEquals(file("update"), write(e -> SyncMessages.writeUpdate(e, file("aSecondUpdate"))));
  }

  @Test
  void everyJsMessageDecodesAndReEncodesByteForByte() {
    for (String key : new String[] {"step1", "step2Full", "step2ForB", "update", "bReplyToStep1"}) {
      byte[] bytes = file(key);
      Lib0Decoder decoder = new Lib0Decoder(bytes);
      SyncMessage message = SyncMessages.read(decoder);
      assertFalse(decoder.hasContent(), key);
      assertArrayEquals(bytes, write(e -> SyncMessages.write(e, message)), key);
    }
  }

  @Test
  void readSyncMessageAnswersAndAppliesAsYProtocolsDid() {
    Doc b = doc("b");
    assertArrayEquals(file("bStateVector"), b.encodeStateVector());
    Map<String, Object> types = map(META.get("readSyncMessageTypes"));

    Lib0Encoder reply = new Lib0Encoder();
    assertEquals(number(types.get("step1")), SyncMessages.readSyncMessage(new Lib0Decoder(file("step1")), reply, b, "a"));
    assertArrayEquals(file("bReplyToStep1"), reply.toByteArray());

    Lib0Encoder none = new Lib0Encoder();
    assertEquals(number(types.get("step2")), SyncMessages.readSyncMessage(new Lib0Decoder(file("step2ForB")), none, b, "a"));
    assertArrayEquals(file("bAfterStep2"), b.encodeStateAsUpdate());
    assertEquals(number(types.get("update")), SyncMessages.readSyncMessage(new Lib0Decoder(file("update")), none, b, "a"));
    assertArrayEquals(file("bAfterUpdate"), b.encodeStateAsUpdate());
    assertFalse(none.hasContent());
  }
}
