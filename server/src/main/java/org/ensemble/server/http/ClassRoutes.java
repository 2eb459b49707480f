package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.assignments.Classes;

/**
 * Classes (documented in {@code docs/api.md} and {@code docs/assignments.md}): a teacher's saved lists
 * of students. Every route is the signed-in teacher's own: another user's class answers 403.
 */
final class ClassRoutes {
  private final Classes classes;

  ClassRoutes(Classes classes) {
    this.classes = classes;
  }

  void mount(Router router) {
    router.get("/api/classes").handler(ctx -> answer(ctx, classes.mine(ApiRouter.user(ctx)), 200));
    router.post("/api/classes").handler(ctx -> answer(ctx, classes.create(ApiRouter.user(ctx), body(ctx)), 201));
    router.get("/api/classes/:classId").handler(ctx -> answer(ctx, classes.get(id(ctx), ApiRouter.user(ctx)), 200));
    router.patch("/api/classes/:classId").handler(ctx ->
        answer(ctx, classes.rename(id(ctx), ApiRouter.user(ctx), body(ctx)), 200));
    router.delete("/api/classes/:classId").handler(ctx ->
        answer(ctx, classes.delete(id(ctx), ApiRouter.user(ctx)), 204));
    router.post("/api/classes/:classId/students").handler(ctx ->
        answer(ctx, classes.addStudents(id(ctx), ApiRouter.user(ctx), body(ctx)), 200));
    router.delete("/api/classes/:classId/students/:studentId").handler(ctx ->
        answer(ctx, classes.removeStudent(id(ctx), ApiRouter.user(ctx), ctx.pathParam("studentId")), 200));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("classId");
  }

  private static void answer(RoutingContext ctx, Future<?> result, int status) {
    result.onSuccess(body -> {
      if (body instanceof io.vertx.core.json.JsonObject o) {
        json(ctx, status, o);
      } else {
        ctx.response().setStatusCode(status).end();
      }
    }).onFailure(e -> ctx.fail(ApiException.fromService(e)));
  }
}
