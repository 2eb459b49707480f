package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Set;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.cowriter.generation.GenerationException;
import org.ensemble.server.generation.service.GenerationService;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.history.Version;
import org.ensemble.server.history.Versions;
import org.ensemble.server.assignments.Assignments;
import io.vertx.core.Future;

/**
 * The AI co-writer's routes (docs/generation.md): queue a generation, follow or cancel it, accept or
 * reject a suggestion, and read the model card. Editors and owners generate and decide; viewers may
 * read job status and the card. Mounted by {@link ApiRouter} behind its authentication.
 */
final class GenerationRoutes {
  private final Vertx vertx;
  private final ProjectAccess access;
  private final GenerationService generation;
  private final Versions versions;
  private final Assignments assignments;

  GenerationRoutes(Vertx vertx, ProjectAccess access, GenerationService generation, Versions versions,
                   Assignments assignments) {
    this.versions = versions;
    this.assignments = assignments;
    this.vertx = vertx;
    this.access = access;
    this.generation = generation;
  }

  void mount(Router router) {
    router.post("/api/projects/:id/generate").handler(this::generate);
    router.get("/api/projects/:id/generate/:jobId").handler(this::status);
    router.delete("/api/projects/:id/generate/:jobId").handler(this::cancel);
    router.post("/api/projects/:id/suggestions/:suggestionId/accept").handler(this::accept);
    router.post("/api/projects/:id/suggestions/:suggestionId/reject").handler(this::reject);
    router.get("/api/generation/model").handler(this::modelCard);
    router.get("/api/generation/model/card.md").handler(this::modelCardMarkdown);
  }

  private void generate(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.EDITOR, "generate");
    JsonObject body = body(ctx);
    // An assignment's AI policy (off, hints, on) is the server's to enforce; the refusal says why.
    assignments.admitGeneration(record.id(), body)
        .compose(refusal -> refusal == null ? generation.submit(record.id(), user(ctx), body)
            : Future.failedFuture(ApiException.forbidden(refusal)))
        .onSuccess(job -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, "/api/projects/" + record.id() + "/generate/" + job.id());
          json(ctx, 202, job.toJson());
        })
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private void status(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.VIEWER, "see generation jobs");
    jobOf(ctx, record)
        .onSuccess(job -> json(ctx, 200, job))
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private void cancel(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.EDITOR, "cancel generation jobs");
    UserIdentity user = user(ctx);
    jobOf(ctx, record).compose(job -> {
          String requester = job.getJsonObject("requestedBy").getString("id");
          if (!requester.equals(user.id()) && !record.owner().id().equals(user.id())) {
            return Future.failedFuture(
                ApiException.forbidden("only whoever asked for a job, or the project's owner, may cancel it"));
          }
          return generation.cancel(job.getString("id"));
        })
        .onSuccess(job -> json(ctx, 200, job))
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private void accept(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.EDITOR, "accept suggestions");
    Set<String> notes = selectedNotes(body(ctx));
    // A version just before the AI's notes come in: the accept can always be looked back on or undone.
    versions.checkpoint(record.id(), Version.Kind.BEFORE_AI_ACCEPT, null, user(ctx))
        .compose(v -> generation.accept(record.id(), ctx.pathParam("suggestionId"), notes, user(ctx)))
        .onSuccess(ids -> json(ctx, 200, new JsonObject().put("suggestion", ctx.pathParam("suggestionId"))
            .put("accepted", new JsonArray(ids)).put("acceptedBy", user(ctx).id())))
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private void reject(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.EDITOR, "reject suggestions");
    generation.reject(record.id(), ctx.pathParam("suggestionId"), user(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private void modelCard(RoutingContext ctx) {
    vertx.executeBlocking(() -> generation.card().toJson(), false)
        .onSuccess(card -> json(ctx, 200, card.put("path", GenerationService.MODEL_CARD_PATH)))
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private void modelCardMarkdown(RoutingContext ctx) {
    vertx.executeBlocking(() -> generation.card().markdown(), false)
        .onSuccess(text -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/markdown; charset=utf-8").end(text))
        .onFailure(e -> ctx.fail(translate(e)));
  }

  /** The job's state, wherever it runs; 404 unless it is this project's. */
  private Future<JsonObject> jobOf(RoutingContext ctx, ProjectRecord record) {
    String jobId = ctx.pathParam("jobId");
    return generation.status(jobId).compose(job -> record.id().equals(job.getString("projectId"))
        ? Future.succeededFuture(job)
        : Future.failedFuture(ApiException.notFound("no such generation job in this project: " + jobId)));
  }

  private static Set<String> selectedNotes(JsonObject body) {
    Object raw = body.getValue("notes");
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonArray list) || list.isEmpty()) {
      throw ApiException.badRequest("\"notes\" must be a non-empty list of note ids (leave it out to accept all)");
    }
    Set<String> ids = new HashSet<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw ApiException.badRequest("note ids are strings");
      }
      ids.add(s);
    }
    return ids;
  }

  private ProjectRecord accessible(RoutingContext ctx, Role needed, String action) {
    return access.require(ctx, needed, action);
  }

  private static RuntimeException translate(Throwable e) {
    if (e instanceof GenerationException g) {
      return new ApiException(g.status(), g.getMessage());
    }
    if (e instanceof ApiException a) {
      return a;
    }
    return e instanceof RuntimeException r ? r : new RuntimeException(e);
  }

  private static UserIdentity user(RoutingContext ctx) {
    return ctx.get(ApiRouter.USER);
  }

}
