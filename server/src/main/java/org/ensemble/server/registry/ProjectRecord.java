package org.ensemble.server.registry;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;

/**
 * What the server knows about a project besides its document: its title for listings, its owner and
 * its members with their roles. Immutable; changes make new records.
 */
public record ProjectRecord(String id, String title, UserIdentity owner, Map<String, Member> members, Instant createdAt) {

  /** A member other than the owner. */
  public record Member(UserIdentity user, Role role) {}

  public ProjectRecord {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** The role of {@code userId}: owner, a member's role, or none. */
  public Optional<Role> roleOf(String userId) {
    if (owner.id().equals(userId)) {
      return Optional.of(Role.OWNER);
    }
    Member m = members.get(userId);
    return m == null ? Optional.empty() : Optional.of(m.role());
  }

  public ProjectRecord withTitle(String newTitle) {
    return new ProjectRecord(id, newTitle, owner, members, createdAt);
  }

  public ProjectRecord withMember(UserIdentity user, Role role) {
    Map<String, Member> m = new LinkedHashMap<>(members);
    m.put(user.id(), new Member(user, role));
    return new ProjectRecord(id, title, owner, m, createdAt);
  }

  public ProjectRecord withoutMember(String userId) {
    Map<String, Member> m = new LinkedHashMap<>(members);
    m.remove(userId);
    return new ProjectRecord(id, title, owner, m, createdAt);
  }

  public JsonObject toJson() {
    JsonObject ms = new JsonObject();
    members.forEach((uid, m) -> ms.put(uid, new JsonObject().put("name", m.user().name()).put("role", m.role().wireName())));
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("owner", new JsonObject().put("id", owner.id()).put("name", owner.name()))
        .put("members", ms)
        .put("createdAt", createdAt.toString());
  }

  public static ProjectRecord fromJson(JsonObject j) {
    JsonObject o = j.getJsonObject("owner");
    Map<String, Member> members = new LinkedHashMap<>();
    JsonObject ms = j.getJsonObject("members", new JsonObject());
    for (String uid : ms.fieldNames()) {
      JsonObject m = ms.getJsonObject(uid);
      Role role = Role.parse(m.getString("role"));
      if (role != null) {
        members.put(uid, new Member(new UserIdentity(uid, m.getString("name", uid)), role));
      }
    }
    return new ProjectRecord(j.getString("id"), j.getString("title", ""),
        new UserIdentity(o.getString("id"), o.getString("name", o.getString("id"))), members,
        Instant.parse(j.getString("createdAt", Instant.EPOCH.toString())));
  }
}
