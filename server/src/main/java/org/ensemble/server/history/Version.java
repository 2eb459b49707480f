package org.ensemble.server.history;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.ensemble.protocol.crdt.Snapshot;
import org.ensemble.server.auth.UserIdentity;

/**
 * One version of a project: a {@link Snapshot} of its document (a state vector and a delete set, not
 * a copy of the content), what kind of version it is, its name, who made it (null for an automatic
 * checkpoint after a pause) and when. Stored as JSON with the snapshot in Base64.
 */
public record Version(String id, String projectId, Kind kind, String name, UserIdentity by, Instant time,
                      Snapshot snapshot) {

  /** Why the version exists. */
  public enum Kind {
    /** Named by an editor. */
    NAMED,
    /** Taken by the server after a pause in editing. */
    PAUSE,
    /** Taken just before an AI suggestion was accepted. */
    BEFORE_AI_ACCEPT,
    /** Taken just before a version was restored. */
    BEFORE_RESTORE,
    /** Taken just before a selective rollback. */
    BEFORE_ROLLBACK;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Kind parse(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** The name shown when none was given. */
  public String title() {
    if (name != null) {
      return name;
    }
    return switch (kind) {
      case NAMED -> "Unnamed version";
      case PAUSE -> "After a pause in editing";
      case BEFORE_AI_ACCEPT -> "Before accepting an AI suggestion";
      case BEFORE_RESTORE -> "Before a restore";
      case BEFORE_ROLLBACK -> "Before a rollback";
    };
  }

  JsonObject toStored() {
    JsonObject o = new JsonObject().put("id", id).put("projectId", projectId).put("kind", kind.wireName())
        .put("time", time.toString()).put("snapshot", Base64.getEncoder().encodeToString(snapshot.encode()));
    if (name != null) {
      o.put("name", name);
    }
    if (by != null) {
      o.put("by", new JsonObject().put("id", by.id()).put("name", by.name()));
    }
    return o;
  }

  static Version fromStored(JsonObject o) {
    JsonObject by = o.getJsonObject("by");
    return new Version(o.getString("id"), o.getString("projectId"), Kind.parse(o.getString("kind")), o.getString("name"),
        by == null ? null : new UserIdentity(by.getString("id"), by.getString("name")), Instant.parse(o.getString("time")),
        Snapshot.decode(Base64.getDecoder().decode(o.getString("snapshot"))));
  }

  /** The version as the API shows it (without its snapshot). */
  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("id", id).put("kind", kind.wireName()).put("title", title())
        .put("time", time.toString());
    if (name != null) {
      o.put("name", name);
    }
    o.put("by", by == null ? null : new JsonObject().put("id", by.id()).put("name", by.name()));
    return o;
  }
}
