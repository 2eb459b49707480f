package org.ensemble.server.cluster;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.ensemble.server.attribution.AiAction;
import org.ensemble.server.attribution.AiConnection;
import org.ensemble.server.attribution.AiProvenance;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.DirectConnection;
import org.ensemble.server.sync.RoomConnection;

/**
 * Who makes a server edit, written out for the node that owns the room: a person through the REST
 * API ({@link DirectConnection}) or the AI ({@link AiConnection}, with its provenance), so the owner's
 * ledger records the edit exactly as if it had been made there.
 */
final class Actors {
  private Actors() {}

  static JsonObject toJson(RoomConnection actor) {
    if (actor instanceof AiConnection ai) {
      AiProvenance p = ai.provenance();
      JsonObject json = new JsonObject().put("kind", "ai").put("action", ai.action().name())
          .put("model", p.model()).put("modelVersion", p.modelVersion()).put("params", p.params())
          .put("requestedBy", p.requestedBy()).put("suggestionId", p.suggestionId());
      if (ai.decidedBy() != null) {
        json.put("decidedBy", user(ai.decidedBy()));
      }
      return json;
    }
    if (actor instanceof DirectConnection) {
      return new JsonObject().put("kind", "direct").put("user", user(actor.user()));
    }
    throw new IllegalArgumentException("a server edit by " + actor + " cannot be relayed");
  }

  static RoomConnection fromJson(JsonObject json) {
    if ("ai".equals(json.getString("kind"))) {
      AiProvenance p = new AiProvenance(json.getString("model"), json.getString("modelVersion"),
          json.getString("params"), json.getString("requestedBy"), json.getString("suggestionId"));
      JsonObject decided = json.getJsonObject("decidedBy");
      return new AiConnection(p, AiAction.valueOf(json.getString("action").toUpperCase(Locale.ROOT)),
          decided == null ? null : user(decided));
    }
    return new DirectConnection(user(json.getJsonObject("user")));
  }

  static JsonObject user(UserIdentity user) {
    return new JsonObject().put("id", user.id()).put("name", user.name());
  }

  static UserIdentity user(JsonObject json) {
    return new UserIdentity(json.getString("id"), json.getString("name"));
  }
}
