package org.ensemble.protocol.sync;

import java.util.Arrays;

/**
 * One decoded y-websocket message, one record per message type of {@link WebsocketMessages}. A server
 * dispatches on the record class; {@link #type()} gives the wire number.
 */
public sealed interface WebsocketMessage {
  /** The wire number: {@link WebsocketMessages#SYNC}, {@code AWARENESS}, {@code AUTH} or {@code QUERY_AWARENESS}. */
  int type();

  /** A sync sub-protocol message (step 1, step 2 or update). */
  record Sync(SyncMessage message) implements WebsocketMessage {
    public Sync {
      if (message == null) {
        throw new IllegalArgumentException("message must not be null");
      }
    }

    @Override
    public int type() {
      return WebsocketMessages.SYNC;
    }
  }

  /** An awareness update, kept encoded: it is applied with {@link Awareness#applyAwarenessUpdate} and relayed as is. */
  record Awareness(byte[] update) implements WebsocketMessage {
    public Awareness {
      if (update == null) {
        throw new IllegalArgumentException("update must not be null");
      }
    }

    @Override
    public int type() {
      return WebsocketMessages.AWARENESS;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Awareness other && Arrays.equals(update, other.update);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(update);
    }

    @Override
    public String toString() {
      return "Awareness[" + update.length + " bytes]";
    }
  }

  /** A permission denial with its reason, the only auth message y-protocols defines. */
  record PermissionDenied(String reason) implements WebsocketMessage {
    public PermissionDenied {
      if (reason == null) {
        throw new IllegalArgumentException("reason must not be null");
      }
    }

    @Override
    public int type() {
      return WebsocketMessages.AUTH;
    }
  }

  /** A request to send the awareness states of every known client; it has no body. */
  record QueryAwareness() implements WebsocketMessage {
    @Override
    public int type() {
      return WebsocketMessages.QUERY_AWARENESS;
    }
  }
}
