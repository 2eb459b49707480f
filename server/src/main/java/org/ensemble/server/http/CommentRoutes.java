package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.NoSuchElementException;
import org.ensemble.server.auth.Role;
import org.ensemble.server.comments.Comments;
import org.ensemble.server.registry.ProjectRecord;

/**
 * Comments (documented in {@code docs/api.md} and {@code docs/comments.md}). Every member may read,
 * start and answer threads, viewers included: a student who may only view the class example can
 * still ask about it. A thread is resolved or reopened by whoever started it or by an editor or the
 * owner.
 */
final class CommentRoutes {
  private final ProjectAccess access;
  private final Comments comments;

  CommentRoutes(ProjectAccess access, Comments comments) {
    this.access = access;
    this.comments = comments;
  }

  void mount(Router router) {
    String base = "/api/projects/:id/comments";
    router.get(base).handler(ctx -> answer(ctx, comments.list(member(ctx, "read its comments").id()), 200));
    router.post(base).handler(ctx -> {
      ProjectRecord record = member(ctx, "comment on it");
      JsonObject body = body(ctx);
      if (!(body.getValue("anchor") instanceof JsonObject anchor)) {
        throw ApiException.badRequest("anchor is needed: {\"track\", \"notes\": [ids]} or {\"track\", \"fromBar\", \"toBar\"}");
      }
      answer(ctx, comments.start(record.id(), ApiRouter.user(ctx), anchor, text(body)).map(id -> new JsonObject().put("id", id)), 201);
    });
    router.post(base + "/:threadId/replies").handler(ctx -> {
      ProjectRecord record = member(ctx, "comment on it");
      answer(ctx, comments.reply(record.id(), ctx.pathParam("threadId"), ApiRouter.user(ctx), text(body(ctx)))
          .map(v -> new JsonObject().put("thread", ctx.pathParam("threadId"))), 201);
    });
    router.put(base + "/:threadId/resolved").handler(this::resolve);
  }

  /** {@code PUT …/resolved {"resolved": true|false}}: by whoever started the thread, or an editor or the owner. */
  private void resolve(RoutingContext ctx) {
    ProjectRecord record = member(ctx, "resolve comments");
    Object resolved = body(ctx).getValue("resolved");
    if (!(resolved instanceof Boolean flag)) {
      throw ApiException.badRequest("resolved must be true or false");
    }
    String threadId = ctx.pathParam("threadId");
    String userId = ApiRouter.user(ctx).id();
    boolean editor = record.roleOf(userId).map(r -> r.ordinal() >= Role.EDITOR.ordinal()).orElse(false);
    Future<JsonObject> done = comments.startedBy(record.id(), threadId).compose(starter -> {
      if (!editor && !starter.equals(userId)) {
        return Future.failedFuture(ApiException.forbidden("only whoever started a thread, or an editor, may "
            + (flag ? "resolve" : "reopen") + " it"));
      }
      return comments.resolve(record.id(), threadId, ApiRouter.user(ctx), flag)
          .map(v -> new JsonObject().put("thread", threadId).put("resolved", flag));
    });
    answer(ctx, done, 200);
  }

  private static String text(JsonObject body) {
    if (!(body.getValue("text") instanceof String text)) {
      throw ApiException.badRequest("text is needed");
    }
    return text;
  }

  private ProjectRecord member(RoutingContext ctx, String action) {
    return access.require(ctx, Role.VIEWER, action);
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status) {
    result.onSuccess(body -> json(ctx, status, body)).onFailure(e -> ctx.fail(
        e instanceof NoSuchElementException ? ApiException.notFound(e.getMessage())
            : e instanceof IllegalArgumentException ? ApiException.badRequest(e.getMessage()) : e));
  }
}
