package org.ensemble.protocol.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Locks every wire number of the sync, auth, awareness and y-websocket layers to y-protocols' values. */
class WireNumbersTest {
  private static final Map<String, Object> CONSTANTS = ProtocolFixtures.map(ProtocolFixtures.json(".", "constants.json"));

  private static long constant(String group, String name) {
    return ProtocolFixtures.number(ProtocolFixtures.map(CONSTANTS.get(group)).get(name));
  }

  @Test
  void syncMessageTypesAreZeroOneTwo() {
    assertEquals(0, SyncMessages.STEP1);
    assertEquals(1, SyncMessages.STEP2);
    assertEquals(2, SyncMessages.UPDATE);
  }

  @Test
  void syncMessageTypesMatchYProtocols() {
    assertEquals(constant("sync", "step1"), SyncMessages.STEP1);
    assertEquals(constant("sync", "step2"), SyncMessages.STEP2);
    assertEquals(constant("sync", "update"), SyncMessages.UPDATE);
  }

  @Test
  void permissionDeniedIsAuthMessageZero() {
    assertEquals(0, AuthMessages.PERMISSION_DENIED);
    assertEquals(constant("auth", "permissionDenied"), AuthMessages.PERMISSION_DENIED);
  }

  @Test
  void websocketMessageTypesAreZeroToThreeAsInYWebsocket() {
    assertEquals(0, WebsocketMessages.SYNC);
    assertEquals(1, WebsocketMessages.AWARENESS);
    assertEquals(2, WebsocketMessages.AUTH);
    assertEquals(3, WebsocketMessages.QUERY_AWARENESS);
    assertEquals(constant("websocket", "sync"), WebsocketMessages.SYNC);
    assertEquals(constant("websocket", "awareness"), WebsocketMessages.AWARENESS);
    assertEquals(constant("websocket", "auth"), WebsocketMessages.AUTH);
    assertEquals(constant("websocket", "queryAwareness"), WebsocketMessages.QUERY_AWARENESS);
  }

  @Test
  void awarenessTimeoutIsThirtySecondsCheckedEveryThree() {
    assertEquals(30_000, Awareness.OUTDATED_TIMEOUT_MS);
    assertEquals(constant("awareness", "outdatedTimeout"), Awareness.OUTDATED_TIMEOUT_MS);
    assertEquals(3_000, Awareness.CHECK_INTERVAL_MS);
  }
}
