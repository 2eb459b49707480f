package org.ensemble.server.sync;

import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;

/**
 * One participant of a room: a client's WebSocket, or the server itself editing the document
 * ({@link ServerParticipant}). The room knows nothing about transports beyond this.
 */
public interface RoomConnection extends UpdateOrigin {
  /** Unique for the lifetime of the server process. */
  String id();

  UserIdentity user();

  Role role();

  /** Sends one y-websocket message; may be called from the room's context. */
  void send(byte[] message);

  /** Sends one message that other connections of the room receive too (a broadcast). */
  default void send(OutgoingMessage message) {
    send(message.bytes());
  }

  /** Ends the connection with a close code from {@link CloseCodes} and a reason. */
  void close(short code, String reason);
}
