package org.ensemble.server.attribution;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Who wrote (or deleted) something, as the ledger says: a person, or the AI with its model, the
 * suggestion and who accepted it. {@link #UNKNOWN} for ids the ledger does not cover (content
 * written before the server kept a ledger).
 */
record Credit(int seq, Attributes attributes) {
  static final Credit UNKNOWN = new Credit(-1, new Attributes("unknown", "unknown", 0, Source.HUMAN, null, null, null));

  static Credit of(LedgerEntry entry) {
    return entry == null ? UNKNOWN : new Credit(entry.seq(), entry.attributes());
  }

  String actor() {
    return attributes.actor();
  }

  boolean isAi() {
    return attributes.source() == Source.AI;
  }

  boolean isKnown() {
    return seq >= 0;
  }

  /**
   * The name in credits: a person's name, or the AI with its model and who accepted its notes, named
   * as {@code names} (user id to display name, from the ledger's own credits) has them, else by id.
   */
  String creditName(java.util.Map<String, String> names) {
    if (!isAi()) {
      return attributes.name();
    }
    String accepted = attributes.acceptedBy();
    return "AI (model " + attributes.ai().model()
        + (accepted == null ? "" : ", accepted by " + names.getOrDefault(accepted, accepted)) + ")";
  }

  JsonObject toJson() {
    Attributes a = attributes;
    JsonObject o = new JsonObject().put("actor", a.actor()).put("name", a.name()).put("source", a.source().wireName());
    if (!isKnown()) {
      return o.put("known", false);
    }
    o.put("time", Instant.ofEpochMilli(a.time()).toString()).put("entry", seq);
    if (isAi()) {
      AiProvenance p = a.ai();
      o.put("model", p.model()).put("modelVersion", p.modelVersion()).put("requestedBy", p.requestedBy())
          .put("suggestion", p.suggestionId()).put("action", a.action().wireName());
      if (a.acceptedBy() != null) {
        o.put("acceptedBy", a.acceptedBy());
      }
    }
    return o;
  }
}
