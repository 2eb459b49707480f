package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.account.AccountService;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.auth.Revocations;
import org.ensemble.server.consent.TrainingConsent;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.Rooms;

/**
 * The caller's account (documented in {@code docs/api.md}): {@code GET /api/account/export}, every
 * project they can see as one JSON file, and {@code DELETE /api/account} with
 * {@code {"confirm": "<their user id>"}}, which deletes it (see {@link AccountService}).
 */
final class AccountRoutes {
  private final AccountService accounts;
  private final ProjectContent content = new ProjectContent();

  AccountRoutes(Vertx vertx, Projects projects, Rooms rooms, Attribution attribution, Revocations revocations,
                TrainingConsent consent) {
    ProjectRegistry registry = projects.registry();
    this.accounts = new AccountService(vertx, registry, rooms, attribution, revocations, consent,
        id -> registry.get(id).map(projects::delete).orElse(Future.succeededFuture()));
  }

  void mount(Router router) {
    router.get("/api/account/export").handler(this::export);
    router.delete("/api/account").handler(this::delete);
  }

  private void export(RoutingContext ctx) {
    accounts.export(ApiRouter.user(ctx), content::view).onSuccess(body -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"ensemble-" + ApiRouter.user(ctx).id() + ".json\"")
        .end(body.toBuffer())).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String id = ApiRouter.user(ctx).id();
    if (!id.equals(JsonExchange.body(ctx).getString("confirm"))) {
      ctx.fail(ApiException.badRequest("to delete your account, send {\"confirm\": \"" + id + "\"}"));
      return;
    }
    accounts.delete(ApiRouter.user(ctx)).onSuccess(result -> json(ctx, 200, result)).onFailure(ctx::fail);
  }
}
