package org.ensemble.server.attribution;

import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.ServerParticipant;

/**
 * The AI as a room participant, for one edit: writing a suggestion, or moving it into the tracks
 * when a person accepts it, or removing it when a person rejects it. The ledger records its edits
 * with source {@code ai}, the model, the parameters, the requester and the deciding user. Edits go
 * through {@code Rooms.edit} with a client id from the AI's reserved range, like {@link AiEdits} does.
 */
public final class AiConnection extends ServerParticipant {
  private final AiProvenance provenance;
  private final AiAction action;
  private final UserIdentity decidedBy;

  /**
   * @param decidedBy the user who accepted or rejected; null for {@link AiAction#SUGGEST}
   */
  public AiConnection(AiProvenance provenance, AiAction action, UserIdentity decidedBy) {
    super("ai");
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
  public UserIdentity user() {
    return new UserIdentity(Attributes.AI_ACTOR, "AI (" + provenance.model() + ")");
  }

  @Override
  public String toString() {
    return id() + "(" + action.wireName() + " " + provenance.suggestionId() + ")";
  }
}
