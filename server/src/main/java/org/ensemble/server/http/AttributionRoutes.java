package org.ensemble.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.attribution.AttributionCache;
import org.ensemble.server.attribution.TaggedBody;
import org.ensemble.server.attribution.ProjectAttribution;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.auth.Role;

/**
 * The authorship API (documented in {@code docs/api.md}): per-note authors, per-project statistics,
 * a paged timeline, blame for a time range of a track, the authors of chosen notes, and the attribution
 * report as JSON and as text. Every member of a project, viewers included, may read them. Answers come
 * from an {@link AttributionCache} and are computed on worker threads; the statistics, the report and
 * the chosen notes carry a strong ETag and answer 304 to a matching If-None-Match.
 */
final class AttributionRoutes {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;
  /** The most note ids one {@code /notes?ids=} request may name, and the longest id. */
  static final int MAX_NOTE_IDS = 500;
  static final int MAX_NOTE_ID_LENGTH = 128;
  private static final String JSON = "application/json; charset=utf-8";

  private final Vertx vertx;
  private final ProjectAccess access;
  private final Attribution attribution;
  private final AttributionCache cache;

  AttributionRoutes(Vertx vertx, ProjectAccess access, Attribution attribution, AttributionCache cache) {
    this.vertx = vertx;
    this.access = access;
    this.attribution = attribution;
    this.cache = cache;
  }

  /** Mounts the routes; {@code /api/*} authentication must already be in front of them. */
  void mount(Router router) {
    String base = "/api/projects/:id/attribution";
    router.get(base).handler(ctx -> tagged(ctx, "stats", JSON, (a, r) -> a.stats().put("projectId", r.id()).toBuffer()));
    router.get(base + "/notes").handler(this::notes);
    router.get(base + "/notes/:noteId").handler(ctx -> {
      String noteId = ctx.pathParam("noteId");
      query(ctx, (a, r) -> a.note(noteId).orElseThrow(() -> ApiException.notFound("no note " + noteId
          + " in this project, now or deleted")).toBuffer());
    });
    router.get(base + "/timeline").handler(ctx -> {
      int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
      int before = intParam(ctx, "before", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
      query(ctx, (a, r) -> a.timeline(before, limit).toBuffer());
    });
    router.get(base + "/blame").handler(ctx -> {
      TickRange range = range(ctx);
      query(ctx, (a, r) -> a.blame(range.track(), range.from(), range.to()).toBuffer());
    });
    router.get(base + "/report").handler(ctx -> {
      ProjectRecord record = readable(ctx);
      cache.report(record.id(), record.title()).onSuccess(t -> Revalidation.send(ctx, t, JSON)).onFailure(ctx::fail);
    });
    router.get(base + "/report.txt").handler(ctx -> tagged(ctx, "summary", "text/plain; charset=utf-8",
        (a, r) -> Buffer.buffer(a.summary(r.title()))));
  }

  /** The MIDI export with per-track credits (called by the export route). */
  Future<byte[]> midi(String projectId) {
    return attribution.midiWithCredits(vertx, projectId);
  }

  /** The authors of some notes, named ({@code ids=a,b,c}) or by place ({@code track=&from=&to=}), as in the report. */
  private void notes(RoutingContext ctx) {
    String ids = ctx.request().getParam("ids");
    boolean byPlace = ctx.request().getParam("track") != null;
    if ((ids == null) == !byPlace) {
      throw ApiException.badRequest("name the notes with ids=a,b,c, or a place with track=&from=&to= (ticks), not both");
    }
    if (byPlace) {
      TickRange range = range(ctx);
      query(ctx, (a, r) -> {
        JsonObject blame = a.blame(range.track(), range.from(), range.to());
        return new JsonObject().put("notes", blame.getJsonArray("notes")).put("missing", new JsonArray()).toBuffer();
      }, true);
      return;
    }
    List<String> list = noteIds(ids);
    query(ctx, (a, r) -> a.notes(list).toBuffer(), true);
  }

  static List<String> noteIds(String param) {
    String[] parts = param.split(",", -1);
    if (parts.length > MAX_NOTE_IDS) {
      throw ApiException.badRequest("at most " + MAX_NOTE_IDS + " note ids at once, not " + parts.length);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : parts) {
      if (id.isEmpty() || id.length() > MAX_NOTE_ID_LENGTH) {
        throw ApiException.badRequest("ids must be note ids of 1 to " + MAX_NOTE_ID_LENGTH
            + " characters separated by commas");
      }
      for (int i = 0; i < id.length(); i++) {
        if (Character.isISOControl(id.charAt(i))) {
          throw ApiException.badRequest("a note id cannot hold control characters");
        }
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }

  private record TickRange(String track, long from, long to) {}

  private static TickRange range(RoutingContext ctx) {
    String track = ctx.request().getParam("track");
    if (track == null || track.isBlank()) {
      throw ApiException.badRequest("the track parameter (a track id) is needed");
    }
    long from = longParam(ctx, "from", 0);
    long to = longParam(ctx, "to", Long.MAX_VALUE);
    if (to <= from) {
      throw ApiException.badRequest("to must be greater than from (ticks)");
    }
    return new TickRange(track, from, to);
  }

  @FunctionalInterface
  private interface Render {
    Buffer render(ProjectAttribution attribution, ProjectRecord record);
  }

  /** A body rendered once per version of the project (and title), sent with its ETag (304 when unchanged). */
  private void tagged(RoutingContext ctx, String what, String contentType, Render render) {
    ProjectRecord record = readable(ctx);
    String key = what + "\n" + record.title();
    cache.rendered(record.id(), key, a -> render.render(a, record))
        .onSuccess(t -> Revalidation.send(ctx, t, contentType)).onFailure(ctx::fail);
  }

  private void query(RoutingContext ctx, Render render) {
    query(ctx, render, false);
  }

  /** A JSON body computed on a worker from the current attribution; with {@code tag}, sent with its ETag. */
  private void query(RoutingContext ctx, Render render, boolean tag) {
    ProjectRecord record = readable(ctx);
    cache.read(record.id(), a -> {
      Buffer body = render.render(a, record);
      return tag ? TaggedBody.of(body) : new TaggedBody(body, null);
    }).onSuccess(t -> {
      if (t.etag() != null) {
        Revalidation.send(ctx, t, JSON);
      } else {
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(t.body());
      }
    }).onFailure(ctx::fail);
  }

  /** The project, if the caller is a member (any role); 404 otherwise, as for the other project routes. */
  private ProjectRecord readable(RoutingContext ctx) {
    return access.require(ctx, Role.VIEWER, "read its authorship");
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
}
