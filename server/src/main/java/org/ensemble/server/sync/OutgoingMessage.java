package org.ensemble.server.sync;

import io.vertx.core.buffer.Buffer;

/**
 * One message a room sends to several of its connections, encoded once: its bytes, and the single
 * Vert.x buffer that every WebSocket recipient writes. Each write takes its own slice of that buffer,
 * so sockets never disturb each other; before this, every recipient copied the bytes into a buffer of
 * its own. Made and used on the room's context.
 */
public final class OutgoingMessage {
  private final byte[] bytes;
  private Buffer buffer;

  public OutgoingMessage(byte[] bytes) {
    this.bytes = bytes;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The buffer the WebSockets write, made on the first recipient's write. */
  Buffer buffer() {
    if (buffer == null) {
      buffer = Buffer.buffer(bytes);
    }
    return buffer;
  }
}
