package org.ensemble.loadtest.client;

/**
 * Where one client connects and as whom.
 *
 * @param name the user's display name (its awareness state), e.g. {@code load-12}
 * @param room the room (project id or reference room name)
 * @param port the server's port on 127.0.0.1
 * @param uri the WebSocket request URI, e.g. {@code /sync/<projectId>?token=...} or {@code /<room>}
 */
public record ClientSpec(String name, String room, int port, String uri) {
  public static final String HOST = "127.0.0.1";
}
