package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.auth.Role;
import org.ensemble.server.consent.TrainingConsent;
import org.ensemble.server.registry.ProjectRecord;

/**
 * A project's training consent (documented in {@code docs/api.md}): {@code GET
 * /api/projects/:id/training} for any member, {@code PUT} with {@code {"optIn": true|false}} for the
 * owner alone. Off unless the owner turns it on.
 */
final class TrainingRoutes {
  private final ProjectAccess access;
  private final TrainingConsent consent;

  TrainingRoutes(ProjectAccess access, TrainingConsent consent) {
    this.access = access;
    this.consent = consent;
  }

  void mount(Router router) {
    router.get("/api/projects/:id/training").handler(ctx -> answer(ctx,
        access.require(ctx, Role.VIEWER, "read the project's training consent")));
    router.put("/api/projects/:id/training").handler(this::put);
  }

  private void put(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.OWNER, "decide whether the project may train a model");
    Object optIn = body(ctx).getValue("optIn");
    if (!(optIn instanceof Boolean)) {
      throw ApiException.badRequest("send {\"optIn\": true} or {\"optIn\": false}");
    }
    consent.set(record.id(), (Boolean) optIn, ApiRouter.user(ctx).id()).onSuccess(v -> answer(ctx, record))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx, ProjectRecord record) {
    consent.of(record.id()).onSuccess(c -> json(ctx, 200, new JsonObject().put("projectId", record.id())
        .put("optIn", c.isPresent()).put("since", c.map(j -> j.getString("at")).orElse(null))))
        .onFailure(ctx::fail);
  }
}
