package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import org.ensemble.server.auth.Role;
import org.ensemble.server.history.Version;
import org.ensemble.server.history.Versions;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRecord;

/**
 * Versions and rollback (documented in {@code docs/api.md} and {@code docs/history.md}): any member may
 * list the versions, open one and compare two; an editor may name a version, restore one (wholly, or
 * some notes of it) and roll back what one author did in a region. Restores and rollbacks are the
 * caller's own edits.
 */
final class VersionRoutes {
  static final int MAX_NAME = 100;
  private static final int MAX_NOTES = AttributionRoutes.MAX_NOTE_IDS;

  private final ProjectAccess access;
  private final Versions versions;
  private final Projects projects;

  VersionRoutes(ProjectAccess access, Versions versions, Projects projects) {
    this.access = access;
    this.versions = versions;
    this.projects = projects;
  }

  void mount(Router router) {
    String base = "/api/projects/:id/versions";
    router.get(base).handler(ctx -> answer(ctx, versions.list(readable(ctx).id())));
    router.post(base).handler(this::name);
    router.get(base + "/:versionId").handler(ctx -> answer(ctx, versions.open(readable(ctx).id(), ctx.pathParam("versionId"))));
    router.get(base + "/:versionId/compare").handler(ctx -> {
      ProjectRecord record = readable(ctx);
      String to = ctx.request().getParam("to");
      answer(ctx, versions.compare(record.id(), ctx.pathParam("versionId"), to == null || to.isBlank() ? "current" : to));
    });
    router.post(base + "/:versionId/restore").handler(this::restore);
    router.post("/api/projects/:id/rollback").handler(this::rollback);
  }

  private void name(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.EDITOR, "name a version");
    String name = body(ctx).getString("name", "").trim();
    if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("a version's name has 1 to " + MAX_NAME + " characters, without control characters");
    }
    answer(ctx, versions.checkpoint(record.id(), Version.Kind.NAMED, name, ApiRouter.user(ctx)).map(Version::toJson), 201);
  }

  private void restore(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.EDITOR, "restore a version");
    JsonObject body = body(ctx);
    Set<String> notes = null;
    if (body.containsKey("notes")) {
      if (!(body.getValue("notes") instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_NOTES) {
        throw ApiException.badRequest("notes, when given, is a list of 1 to " + MAX_NOTES + " note ids");
      }
      notes = new LinkedHashSet<>(AttributionRoutes.noteIds(String.join(",", list.stream().map(String::valueOf).toList())));
    }
    answer(ctx, projects.restore(record, ctx.pathParam("versionId"), ApiRouter.user(ctx), notes));
  }

  /** {@code {"author": "<user id>" | "ai", "track": "<track id>"?, "fromBar": n?, "toBar": n?}}, bars counted from 1. */
  private void rollback(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.EDITOR, "roll back edits");
    JsonObject body = body(ctx);
    String author = body.getValue("author") instanceof String s ? s.trim() : "";
    if (author.isEmpty() || author.length() > 128) {
      throw ApiException.badRequest("author is needed: a user id, or \"ai\" for the AI's notes");
    }
    Object track = body.getValue("track");
    if (track != null && !(track instanceof String)) {
      throw ApiException.badRequest("track, when given, is a track id");
    }
    Integer from = bar(body, "fromBar");
    Integer to = bar(body, "toBar");
    if (from != null && to != null && to < from) {
      throw ApiException.badRequest("toBar must not come before fromBar");
    }
    answer(ctx, versions.rollback(record.id(), ApiRouter.user(ctx), author, (String) track, from, to));
  }

  private static Integer bar(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer n) || n < 1 || n > 100_000) {
      throw ApiException.badRequest(key + ", when given, is a bar number from 1 (bars are counted from 1)");
    }
    return n;
  }

  private ProjectRecord readable(RoutingContext ctx) {
    return access.require(ctx, Role.VIEWER, "see its versions");
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result) {
    answer(ctx, result, 200);
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status) {
    result.onSuccess(body -> json(ctx, status, body)).onFailure(e -> ctx.fail(e instanceof NoSuchElementException
        ? ApiException.notFound(e.getMessage()) : e));
  }
}
