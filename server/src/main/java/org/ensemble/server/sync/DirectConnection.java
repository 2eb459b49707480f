package org.ensemble.server.sync;

import java.util.concurrent.atomic.AtomicLong;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;

/**
 * The server itself as a room participant, for edits made on the server (the AI's suggestions,
 * project templates, renames through the REST API): they travel the same path as a client's edits
 * and are stored, broadcast and attributed like them. It receives nothing.
 */
public final class DirectConnection implements RoomConnection {
  private static final AtomicLong IDS = new AtomicLong();

  private final String id = "direct-" + IDS.incrementAndGet();
  private final UserIdentity actor;

  /** @param actor on whose behalf the server edits (a user, or the AI's identity) */
  public DirectConnection(UserIdentity actor) {
    this.actor = actor;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public UserIdentity user() {
    return actor;
  }

  @Override
  public Role role() {
    return Role.EDITOR;
  }

  @Override
  public void send(byte[] message) {
    // the server's own edits need no echo
  }

  @Override
  public void close(short code, String reason) {
    // nothing to close
  }

  @Override
  public String toString() {
    return id + "(" + actor.id() + ")";
  }
}
