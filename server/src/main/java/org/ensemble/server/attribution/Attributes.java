package org.ensemble.server.attribution;

/**
 * What the ledger says about one applied update (Yjs v14's attribution attributes: the actor and the
 * time, extended for Ensemble with the source and, for the AI's edits, the model, the parameters, who
 * requested the suggestion, and who accepted or rejected it).
 *
 * @param actor the user id, or {@link #AI_ACTOR} for the AI
 * @param name the actor's display name at the time
 * @param time milliseconds since the epoch, when the server accepted the update
 * @param ai null for a person's edit
 * @param decidedBy for an acceptance or rejection: the user who decided; otherwise null
 */
public record Attributes(String actor, String name, long time, Source source, AiProvenance ai, AiAction action,
                         String decidedBy) {
  public static final String AI_ACTOR = "ai";

  public static Attributes human(String actor, String name, long time) {
    return new Attributes(actor, name, time, Source.HUMAN, null, null, null);
  }

  public static Attributes ai(AiProvenance ai, AiAction action, String decidedBy, long time) {
    return new Attributes(AI_ACTOR, "AI (" + ai.model() + ")", time, Source.AI, ai, action, decidedBy);
  }

  /** Who accepted the AI's notes these ranges hold, or null. */
  public String acceptedBy() {
    return action != null && action.isAcceptance() ? decidedBy : null;
  }
}
