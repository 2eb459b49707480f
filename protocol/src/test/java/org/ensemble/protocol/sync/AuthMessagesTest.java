package org.ensemble.protocol.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.junit.jupiter.api.Test;

class AuthMessagesTest {

  @Test
  void permissionDeniedIsTypeZeroThenTheReasonAsAVarString() {
    Lib0Encoder encoder = new Lib0Encoder();
    AuthMessages.writePermissionDenied(encoder, "no");
    assertArrayEquals(new byte[] {0, 2, 'n', 'o'}, encoder.toByteArray());
  }

  @Test
  void permissionDeniedReadsBackItsReason() {
    Lib0Encoder encoder = new Lib0Encoder();
    AuthMessages.writePermissionDenied(encoder, "read-only — 🎼");
    assertEquals("read-only — 🎼", AuthMessages.readPermissionDenied(new Lib0Decoder(encoder.toByteArray())));
  }

  @Test
  void unknownAuthMessageTypeRaisesDecodingExceptionNamingTheType() {
    DecodingException e = assertThrows(DecodingException.class,
        () -> AuthMessages.readPermissionDenied(new Lib0Decoder(new byte[] {1, 0})));
    assertTrue(e.getMessage().contains("unknown auth message type 1"), e.getMessage());
  }

  @Test
  void truncatedOrMalformedReasonRaisesDecodingException() {
    assertThrows(DecodingException.class, () -> AuthMessages.readPermissionDenied(new Lib0Decoder(new byte[] {0, 5, 'a'})));
    assertThrows(DecodingException.class, () -> AuthMessages.readPermissionDenied(new Lib0Decoder(new byte[] {0, 1, (byte) 0xC3})));
    assertThrows(DecodingException.class, () -> AuthMessages.readPermissionDenied(new Lib0Decoder(new byte[0])));
  }
}
