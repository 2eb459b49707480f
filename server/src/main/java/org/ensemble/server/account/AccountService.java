package org.ensemble.server.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.auth.Revocations;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.consent.TrainingConsent;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.Rooms;

/**
 * A person's account as a whole: everything they can see exported at once, and deletion. Deleting an
 * account deletes the projects the person owns (documents, ledgers, training consent), removes them
 * from the projects of others, and refuses every token issued to them so far. What they wrote in other
 * people's projects stays in those projects' ledgers under the name they had; the owners keep their
 * work's history.
 */
public final class AccountService {
  /** Deletes one project with everything stored for it (the same steps as the project API's delete). */
  public interface ProjectRemover extends Function<String, Future<Void>> {}

  private final Vertx vertx;
  private final ProjectRegistry registry;
  private final Rooms rooms;
  private final Attribution attribution;
  private final Revocations revocations;
  private final TrainingConsent consent;
  private final ProjectRemover remover;

  public AccountService(Vertx vertx, ProjectRegistry registry, Rooms rooms, Attribution attribution,
                        Revocations revocations, TrainingConsent consent, ProjectRemover remover) {
    this.vertx = vertx;
    this.registry = registry;
    this.rooms = rooms;
    this.attribution = attribution;
    this.revocations = revocations;
    this.consent = consent;
    this.remover = remover;
  }

  /**
   * Every project {@code user} can see: its record, their role, its document as JSON and its
   * attribution report (with the copyright line), one after another to keep memory small.
   */
  public Future<JsonObject> export(UserIdentity user, Function<org.ensemble.protocol.crdt.Doc, JsonObject> view) {
    JsonArray projects = new JsonArray();
    Future<Void> chain = Future.succeededFuture();
    for (ProjectRecord r : registry.visibleTo(user.id())) {
      chain = chain.compose(v -> rooms.read(r.id(), vertx, view::apply)
          .compose(doc -> attribution.attribution(vertx, r.id()).map(a -> {
            projects.add(r.toJson().put("role", r.roleOf(user.id()).map(Role::wireName).orElse(null))
                .put("document", doc).put("attribution", a.report(r.id(), r.title())));
            return null;
          })));
    }
    return chain.map(v -> new JsonObject().put("user", new JsonObject().put("id", user.id()).put("name", user.name()))
        .put("exportedAt", Instant.now().toString()).put("projects", projects));
  }

  /** Deletes the account; answers what was deleted and what was left. */
  public Future<JsonObject> delete(UserIdentity user) {
    List<ProjectRecord> visible = registry.visibleTo(user.id());
    JsonArray deleted = new JsonArray();
    JsonArray left = new JsonArray();
    Future<Void> chain = Future.succeededFuture();
    for (ProjectRecord r : visible) {
      if (r.owner().id().equals(user.id())) {
        chain = chain.compose(v -> remover.apply(r.id()))
            .compose(v -> consent.set(r.id(), false, user.id()))
            .map(v -> {
              deleted.add(r.id());
              return null;
            });
      } else {
        chain = chain.compose(v -> registry.get(r.id()).map(current -> registry.put(current.withoutMember(user.id()))
                .compose(after -> rooms.evict(after.id(), CloseCodes.FORBIDDEN, "membership changed; reconnect")))
            .orElse(Future.succeededFuture()))
            .map(v -> {
              left.add(r.id());
              return null;
            });
      }
    }
    return chain.compose(v -> revocations.revokeUpTo(user.id(), Instant.now().getEpochSecond()))
        .map(v -> new JsonObject().put("user", user.id()).put("deletedProjects", deleted).put("leftProjects", left)
            .put("tokensRevoked", true));
  }
}
