package org.ensemble.server.sync;

import org.ensemble.protocol.sync.WebsocketMessage;

/**
 * One connection's place in a project's room, as the sync endpoint sees it: the room may be in this
 * process or on the node that owns it ({@link Rooms#join}). Both calls may come from any thread.
 */
public interface RoomSession {

  /**
   * Hands the room one message the endpoint has checked (size, rate, framing): {@code message} decoded,
   * {@code raw} as the client sent it.
   */
  void receive(WebsocketMessage message, byte[] raw);

  /** The connection left: the room forgets it and the presence it controlled. */
  void leave();
}
