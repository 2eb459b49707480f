package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.NoSuchElementException;
import org.ensemble.server.assignments.Assignments;
import org.ensemble.server.auth.Role;
import org.ensemble.server.registry.ProjectRecord;

/**
 * Assignments (documented in {@code docs/api.md} and {@code docs/assignments.md}): the owner of a project
 * hands it to students; the teacher reads an assignment and its class overview; a copy's members read
 * its assignment; its student submits it. The AI policy is enforced in {@link GenerationRoutes}.
 */
final class AssignmentRoutes {
  private final ProjectAccess access;
  private final Assignments assignments;

  AssignmentRoutes(ProjectAccess access, Assignments assignments) {
    this.access = access;
    this.assignments = assignments;
  }

  void mount(Router router) {
    router.post("/api/projects/:id/assignments").handler(ctx -> {
      ProjectRecord source = access.require(ctx, Role.OWNER, "hand it out as an assignment");
      answer(ctx, assignments.handOut(source, ApiRouter.user(ctx), body(ctx)), 201);
    });
    router.get("/api/assignments").handler(ctx -> answer(ctx, assignments.mine(ApiRouter.user(ctx)), 200));
    router.get("/api/assignments/:assignmentId").handler(ctx ->
        answer(ctx, assignments.get(ctx.pathParam("assignmentId"), ApiRouter.user(ctx)), 200));
    router.get("/api/assignments/:assignmentId/overview").handler(ctx ->
        answer(ctx, assignments.overview(ctx.pathParam("assignmentId"), ApiRouter.user(ctx)), 200));
    router.get("/api/projects/:id/assignment").handler(ctx -> {
      ProjectRecord record = access.require(ctx, Role.VIEWER, "read its assignment");
      answer(ctx, assignments.ofCopy(record.id()).map(a -> a.orElseThrow(
          () -> new NoSuchElementException("this project is not an assignment's copy"))), 200);
    });
    router.post("/api/projects/:id/submit").handler(ctx -> {
      ProjectRecord record = access.require(ctx, Role.EDITOR, "submit it");
      answer(ctx, assignments.submit(record.id(), ApiRouter.user(ctx)), 200);
    });
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status) {
    result.onSuccess(body -> json(ctx, status, body)).onFailure(e -> ctx.fail(ApiException.fromService(e)));
  }
}
