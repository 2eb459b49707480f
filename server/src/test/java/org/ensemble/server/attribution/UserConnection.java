package org.ensemble.server.attribution;

import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.RoomConnection;

/** A signed-in client's connection as the room sees it, for driving a gate without a socket. */
record UserConnection(String id, UserIdentity user, Role role) implements RoomConnection {
  static UserConnection editor(String name) {
    return new UserConnection("conn-" + name, new UserIdentity(name, name), Role.EDITOR);
  }

  @Override
  public void send(byte[] message) {
    // nothing reads the replies in these tests
  }

  @Override
  public void close(short code, String reason) {
    throw new AssertionError("the gate never closes connections itself: " + code + " " + reason);
  }
}
