package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ensemble.schema.ProjectReader;
import org.ensemble.schema.partwriting.Finding;
import org.ensemble.schema.partwriting.PartWritingChecker;
import org.ensemble.schema.partwriting.PartWritingReport;
import org.ensemble.server.auth.Role;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.sync.Rooms;

/**
 * Part-writing feedback (documented in {@code docs/api.md} and {@code docs/part-writing.md}): {@code GET
 * /api/projects/:id/part-writing?rules=a,b} checks the project's soprano, alto, tenor and bass tracks
 * with the chosen rules (all when {@code rules} is absent). Any member may ask, viewers included. The
 * document is read into a view on its room's thread; the check runs on a worker.
 */
final class PartWritingRoutes {
  private final Vertx vertx;
  private final ProjectAccess access;
  private final Rooms rooms;

  PartWritingRoutes(Vertx vertx, ProjectAccess access, Rooms rooms) {
    this.vertx = vertx;
    this.access = access;
    this.rooms = rooms;
  }

  void mount(Router router) {
    router.get("/api/projects/:id/part-writing").handler(this::check);
  }

  private void check(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "read its part-writing feedback");
    Set<String> rules = rules(ctx.request().getParam("rules"));
    rooms.read(record.id(), vertx, doc -> ProjectReader.read(doc).view())
        .compose(view -> vertx.executeBlocking(() -> PartWritingChecker.check(view, rules), false)
            .map(report -> toJson(record.id(), view.meta().key().toString(), report)))
        .onSuccess(body -> json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  /** Every rule when absent; otherwise the named ones, each known (400 naming the known ones if not). */
  static Set<String> rules(String param) {
    if (param == null) {
      return PartWritingChecker.ruleIds();
    }
    Set<String> known = PartWritingChecker.ruleIds();
    Set<String> chosen = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String id : param.split(",", -1)) {
      String rule = id.trim();
      if (known.contains(rule)) {
        chosen.add(rule);
      } else {
        unknown.add(rule.isEmpty() ? "(empty)" : rule.length() > 40 ? rule.substring(0, 40) + "…" : rule);
      }
    }
    if (!unknown.isEmpty() || chosen.isEmpty()) {
      throw ApiException.badRequest("rules must be a comma-separated list of " + String.join(", ", known)
          + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)));
    }
    return chosen;
  }

  private static JsonObject toJson(String projectId, String key, PartWritingReport report) {
    JsonArray findings = new JsonArray();
    for (Finding f : report.findings()) {
      findings.add(new JsonObject().put("rule", f.rule()).put("bar", f.bar()).put("beat", f.beat())
          .put("offset", f.offset()).put("tick", f.tick()).put("voices", new JsonArray(f.voices()))
          .put("noteIds", new JsonArray(f.noteIds())).put("explanation", f.explanation()));
    }
    JsonObject counts = new JsonObject();
    report.counts().forEach(counts::put);
    JsonObject tracks = new JsonObject();
    report.tracks().forEach(tracks::put);
    return new JsonObject().put("projectId", projectId).put("key", key).put("rules", new JsonArray(report.rules()))
        .put("tracks", tracks).put("chordChanges", report.chordChanges()).put("counts", counts)
        .put("findings", findings);
  }
}
