package org.ensemble.server.sync;

import org.ensemble.server.auth.UserIdentity;

/**
 * The server itself as a room participant, for edits made on the server (the AI's suggestions,
 * project templates, renames through the REST API): they travel the same path as a client's edits
 * and are stored, broadcast and attributed like them. It receives nothing.
 */
public final class DirectConnection extends ServerParticipant {
  private final UserIdentity actor;

  /** @param actor on whose behalf the server edits (a user, or the AI's identity) */
  public DirectConnection(UserIdentity actor) {
    super("direct");
    this.actor = actor;
  }

  @Override
  public UserIdentity user() {
    return actor;
  }

  @Override
  public String toString() {
    return id() + "(" + actor.id() + ")";
  }
}
