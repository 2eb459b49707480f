package org.ensemble.server.sync;

import java.util.concurrent.atomic.AtomicLong;
import org.ensemble.server.auth.Role;

/**
 * The server itself in a room, editing the document through the same path as a client (see
 * {@link Room#edit}): it writes as an editor, needs no echo of its own edits and has nothing to close.
 * Subclasses say on whose behalf it edits.
 */
public abstract class ServerParticipant implements RoomConnection {
  private static final AtomicLong IDS = new AtomicLong();

  private final String id;

  /** @param kind the id's prefix, e.g. {@code direct} or {@code ai} */
  protected ServerParticipant(String kind) {
    this.id = kind + "-" + IDS.incrementAndGet();
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Role role() {
    return Role.EDITOR;
  }

  @Override
  public final void send(byte[] message) {
    // the server's own edits need no echo
  }

  @Override
  public final void close(short code, String reason) {
    // nothing to close
  }
}
