package org.ensemble.server.attribution;

import java.util.concurrent.atomic.AtomicLong;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.RoomConnection;

/**
 * The AI as a room participant, for one edit: writing a suggestion, or moving it into the tracks
 * when a person accepts it, or removing it when a person rejects it. The ledger records its edits
 * with source {@code ai}, the model, the parameters, the requester and the deciding user. Edits go
 * through {@code Rooms.edit} with a client id from the AI's reserved range, like {@link AiEdits} does.
 */
public final class AiConnection implements RoomConnection {
  private static final AtomicLong IDS = new AtomicLong();

  private final String id = "ai-" + IDS.incrementAndGet();
  private final AiProvenance provenance;
  private final AiAction action;
  private final UserIdentity decidedBy;

  /**
   * @param decidedBy the user who accepted or rejected; null for {@link AiAction#SUGGEST}
   */
  public AiConnection(AiProvenance provenance, AiAction action, UserIdentity decidedBy) {
    if (action != AiAction.SUGGEST && decidedBy == null) {
      throw new IllegalArgumentException(action.wireName() + " needs the user who decided");
    }
    this.provenance = provenance;
    this.action = action;
    this.decidedBy = decidedBy;
  }

  public AiProvenance provenance() {
    return provenance;
  }

  public AiAction action() {
    return action;
  }

  public UserIdentity decidedBy() {
    return decidedBy;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public UserIdentity user() {
    return new UserIdentity(Attributes.AI_ACTOR, "AI (" + provenance.model() + ")");
  }

  @Override
  public Role role() {
    return Role.EDITOR;
  }

  @Override
  public void send(byte[] message) {
    // the AI reads nothing back
  }

  @Override
  public void close(short code, String reason) {
    // nothing to close
  }

  @Override
  public String toString() {
    return id + "(" + action.wireName() + " " + provenance.suggestionId() + ")";
  }
}
