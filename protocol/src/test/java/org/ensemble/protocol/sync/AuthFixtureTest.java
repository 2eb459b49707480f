package org.ensemble.protocol.sync;

import static org.ensemble.protocol.sync.ProtocolFixtures.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.junit.jupiter.api.Test;

/** The permission-denied message as y-protocols 1.0.7 writes it, bare and in a y-websocket frame (auth/). */
class AuthFixtureTest {
  private static final Map<String, Object> META = map(ProtocolFixtures.json("auth", "auth.json"));
  private static final String REASON = (String) META.get("reason");

  private static byte[] file(String key) {
    return ProtocolFixtures.bytes("auth", (String) map(META.get("files")).get(key));
  }

  @Test
  void permissionDeniedIsByteIdenticalToYProtocols() {
    Lib0Encoder encoder = new Lib0Encoder();
    AuthMessages.writePermissionDenied(encoder, REASON);
    assertArrayEquals(file("message"), encoder.toByteArray());
    assertArrayEquals(file("frame"), WebsocketMessages.permissionDenied(REASON));
  }

  @Test
  void yProtocolsPermissionDeniedReadsBackToTheReason() {
    assertEquals(REASON, AuthMessages.readPermissionDenied(new Lib0Decoder(file("message"))));
    assertEquals(new WebsocketMessage.PermissionDenied(REASON), WebsocketMessages.read(file("frame")));
  }
}
