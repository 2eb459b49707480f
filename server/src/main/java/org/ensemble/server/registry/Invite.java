package org.ensemble.server.registry;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;

/**
 * An invite link of a project: whoever opens it, signed in, becomes a member with {@code role}
 * (editor or viewer) until the owner revokes it. A revoked link is kept, so that opening it can say
 * it was revoked rather than that it never existed. Immutable.
 */
public record Invite(String code, String projectId, Role role, UserIdentity createdBy, Instant createdAt, Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }

  public Invite revokedNow() {
    return new Invite(code, projectId, role, createdBy, createdAt, Instant.now());
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("code", code).put("projectId", projectId).put("role", role.wireName())
        .put("createdBy", new JsonObject().put("id", createdBy.id()).put("name", createdBy.name()))
        .put("createdAt", createdAt.toString());
    if (revokedAt != null) {
      o.put("revokedAt", revokedAt.toString());
    }
    return o;
  }

  public static Invite fromJson(JsonObject j) {
    JsonObject by = j.getJsonObject("createdBy", new JsonObject());
    String revoked = j.getString("revokedAt");
    Role role = Role.parse(j.getString("role"));
    return new Invite(j.getString("code"), j.getString("projectId"), role == null ? Role.VIEWER : role,
        new UserIdentity(by.getString("id", ""), by.getString("name", by.getString("id", ""))),
        Instant.parse(j.getString("createdAt", Instant.EPOCH.toString())), revoked == null ? null : Instant.parse(revoked));
  }
}
