package org.ensemble.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client that completes the handshake and then reads nothing, like a client on a frozen
 * tab or a dead link: everything the server sends it piles up. Plain TCP, so that no client library
 * buffers on its behalf.
 */
public final class SilentWebSocket implements AutoCloseable {
  private final Socket socket;

  private SilentWebSocket(Socket socket) {
    this.socket = socket;
  }

  public static SilentWebSocket open(int port, String uri) throws IOException {
    Socket s = new Socket("localhost", port);
    s.setReceiveBufferSize(64 * 1024);
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    String request = "GET " + uri + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + head);
    }
    return new SilentWebSocket(s);
  }

  /** Reads and discards everything until the server ends the connection; returns the bytes read. */
  public long drainUntilClosed() throws IOException {
    socket.setSoTimeout(30_000);
    InputStream in = socket.getInputStream();
    byte[] buf = new byte[65536];
    long total = 0;
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
      }
    } catch (java.net.SocketException e) {
      // reset by the server: closed as well
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
