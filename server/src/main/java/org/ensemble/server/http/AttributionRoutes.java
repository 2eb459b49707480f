package org.ensemble.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.attribution.ProjectAttribution;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;

/**
 * The authorship API (documented in {@code docs/api.md}): per-note authors, per-project statistics,
 * a paged timeline, blame for a time range of a track, and the attribution report as JSON and as
 * text. Every member of a project, viewers included, may read them.
 */
final class AttributionRoutes {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private final Vertx vertx;
  private final ProjectRegistry registry;
  private final Attribution attribution;

  AttributionRoutes(Vertx vertx, ProjectRegistry registry, Attribution attribution) {
    this.vertx = vertx;
    this.registry = registry;
    this.attribution = attribution;
  }

  /** Mounts the routes; {@code /api/*} authentication must already be in front of them. */
  void mount(Router router) {
    String base = "/api/projects/:id/attribution";
    router.get(base).handler(ctx -> query(ctx, (a, r) -> json(ctx, a.stats().put("projectId", r.id()))));
    router.get(base + "/notes/:noteId").handler(ctx -> query(ctx, (a, r) -> {
      String noteId = ctx.pathParam("noteId");
      json(ctx, a.note(noteId).orElseThrow(() -> ApiException.notFound("no note " + noteId + " in this project, "
          + "now or deleted")));
    }));
    router.get(base + "/timeline").handler(ctx -> {
      int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
      int before = intParam(ctx, "before", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
      query(ctx, (a, r) -> json(ctx, a.timeline(before, limit)));
    });
    router.get(base + "/blame").handler(ctx -> {
      String track = ctx.request().getParam("track");
      if (track == null || track.isBlank()) {
        throw ApiException.badRequest("the track parameter (a track id) is needed");
      }
      long from = longParam(ctx, "from", 0);
      long to = longParam(ctx, "to", Long.MAX_VALUE);
      if (to <= from) {
        throw ApiException.badRequest("to must be greater than from (ticks)");
      }
      query(ctx, (a, r) -> json(ctx, a.blame(track, from, to)));
    });
    router.get(base + "/report").handler(ctx -> query(ctx, (a, r) -> json(ctx, a.report(r.id(), r.title()))));
    router.get(base + "/report.txt").handler(ctx -> query(ctx, (a, r) -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(a.summary(r.title()))));
  }

  /** The MIDI export with per-track credits (called by the export route). */
  Future<byte[]> midi(String projectId) {
    return attribution.midiWithCredits(vertx, projectId);
  }

  /** Removes a deleted project's ledger. */
  Future<Void> delete(String projectId) {
    return Future.fromCompletionStage(attribution.delete(projectId), vertx.getOrCreateContext());
  }

  @FunctionalInterface
  private interface Answer {
    void answer(ProjectAttribution attribution, ProjectRecord record);
  }

  private void query(RoutingContext ctx, Answer answer) {
    ProjectRecord record = readable(ctx);
    attribution.attribution(vertx, record.id()).onSuccess(a -> {
      try {
        answer.answer(a, record);
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    }).onFailure(ctx::fail);
  }

  /** The project, if the caller is a member (any role); 404 otherwise, as for the other project routes. */
  private ProjectRecord readable(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    ProjectRecord record = registry.get(id).orElseThrow(() -> ApiException.notFound("no such project: " + id));
    record.roleOf(ApiRouter.user(ctx).id()).orElseThrow(() -> ApiException.notFound("no such project: " + id));
    return record;
  }

  private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    long v = longParam(ctx, name, fallback);
    if (v < min || v > max) {
      throw ApiException.badRequest(name + " must be from " + min + " to " + max);
    }
    return (int) v;
  }

  private static long longParam(RoutingContext ctx, String name, long fallback) {
    String s = ctx.request().getParam(name);
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, not \"" + s + "\"");
    }
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    JsonExchange.json(ctx, 200, body);
  }
}
