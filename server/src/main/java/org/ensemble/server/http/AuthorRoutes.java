package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.attribution.Attributes;
import org.ensemble.server.auth.Role;
import org.ensemble.server.registry.ProjectRecord;

/**
 * The owner anonymizes an author of the project (documented in {@code docs/api.md}): {@code PUT
 * /api/projects/:id/authors/:userId} with {@code {"name": "Former member"}}. From then on every
 * attribution answer and export shows that name and a pseudonym id instead of the person's.
 */
final class AuthorRoutes {
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._'-]{1,40}");

  private final Vertx vertx;
  private final ProjectAccess access;
  private final Attribution attribution;

  AuthorRoutes(Vertx vertx, ProjectAccess access, Attribution attribution) {
    this.vertx = vertx;
    this.access = access;
    this.attribution = attribution;
  }

  void mount(Router router) {
    router.put("/api/projects/:id/authors/:userId").handler(this::anonymize);
  }

  private void anonymize(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.OWNER, "anonymize its authors");
    String actor = ctx.pathParam("userId");
    if (Attributes.AI_ACTOR.equals(actor)) {
      throw ApiException.badRequest("the AI's parts name its model; they cannot be anonymized");
    }
    String name = body(ctx).getString("name", "").trim();
    if (!NAME.matcher(name).matches()) {
      throw ApiException.badRequest("a name of 1 to 40 letters, digits, spaces or . _ ' - is needed");
    }
    attribution.anonymize(vertx, record.id(), actor, name)
        .onSuccess(v -> json(ctx, 200, new JsonObject().put("projectId", record.id()).put("author", actor).put("shownAs", name)))
        .onFailure(ctx::fail);
  }
}
