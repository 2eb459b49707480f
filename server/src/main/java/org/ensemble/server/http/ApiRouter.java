package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ensemble.server.audio.AudioExports;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.attribution.AttributionCache;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.generation.service.GenerationService;
import org.ensemble.server.history.Versions;
import org.ensemble.server.comments.Comments;
import org.ensemble.server.assignments.Assignments;
import org.ensemble.server.assignments.Classes;
import org.ensemble.server.consent.TrainingConsent;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.sync.Rooms;

/**
 * The REST API (JSON), documented in {@code docs/api.md}: development sign-in, projects (create from a
 * template, list, read, rename, delete), members and roles, MIDI export, health and metrics. Every
 * {@code /api} route but the development sign-in needs {@code Authorization: Bearer <token>}.
 */
public final class ApiRouter {
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._'-]{1,40}");
  private static final Pattern USER_ID = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final int MAX_TITLE = 200;
  private static final int MAX_BODY_BYTES = 64 * 1024;
  static final String USER = "ensemble.user";

  private final Vertx vertx;
  private final ServerConfig config;
  private final Tokens tokens;
  private final Projects projects;
  private final ProjectRegistry registry;
  private final Rooms rooms;
  private final GenerationService generation;
  private final ServerMetrics metrics;
  private final PrometheusMeterRegistry prometheus;
  private final ProjectContent content = new ProjectContent();
  private final ProjectAccess access;
  private final AttributionRoutes attribution;
  private final GenerationRoutes generationRoutes;
  private final TrainingConsent consent;
  private final Attribution attributionService;
  private final Versions versions;
  private final Comments comments;
  private final Assignments assignments;
  private final AudioExports audioExports;

  /** The routes over the services {@code EnsembleServer} built (and closes). */
  public ApiRouter(Vertx vertx, ServerConfig config, Tokens tokens, Projects projects, Rooms rooms,
                   Attribution attribution, AttributionCache attributionCache, GenerationService generation,
                   Versions versions, Comments comments, Assignments assignments, ServerMetrics metrics, PrometheusMeterRegistry prometheus,
                   AudioExports audioExports) {
    this.vertx = vertx;
    this.config = config;
    this.tokens = tokens;
    this.projects = projects;
    this.registry = projects.registry();
    this.rooms = rooms;
    this.generation = generation;
    this.metrics = metrics;
    this.prometheus = prometheus;
    this.access = new ProjectAccess(registry);
    this.attribution = new AttributionRoutes(vertx, access, attribution, attributionCache);
    this.generationRoutes = new GenerationRoutes(vertx, access, generation, versions, assignments);
    this.versions = versions;
    this.comments = comments;
    this.assignments = assignments;
    this.consent = new TrainingConsent(registry.metadata(), vertx.getOrCreateContext());
    this.attributionService = attribution;
    this.audioExports = audioExports;
  }

  /** Mounts the routes on {@code router}. */
  public void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/health/ready").handler(this::ready);
    router.get("/metrics").handler(this::metrics);
    new SoundFontRoutes(vertx, audioExports.soundFont()).mount(router);
    new MidiImportRoutes(vertx, projects, access).mount(router, this::authenticate); // before the small JSON body limit
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/dev/token").handler(this::devToken);
    router.route("/api/*").handler(this::authenticate);
    router.get("/api/me").handler(ctx -> json(ctx, 200, userJson(user(ctx))));
    router.get("/api/projects").handler(this::listProjects);
    router.post("/api/projects").handler(this::createProject);
    router.get("/api/projects/:id").handler(this::readProject);
    router.patch("/api/projects/:id").handler(this::renameProject);
    router.delete("/api/projects/:id").handler(this::deleteProject);
    router.post("/api/projects/:id/duplicate").handler(this::duplicateProject);
    router.get("/api/projects/:id/members").handler(this::listMembers);
    router.put("/api/projects/:id/members/:userId").handler(this::putMember);
    router.delete("/api/projects/:id/members/:userId").handler(this::removeMember);
    router.get("/api/projects/:id/export.mid").handler(this::exportMidi);
    router.get("/api/projects/:id/export.musicxml").handler(this::exportMusicXml);
    attribution.mount(router);
    generationRoutes.mount(router);
    new TrainingRoutes(access, consent).mount(router);
    new AccountRoutes(vertx, projects, rooms, attributionService, tokens.revocations(), consent).mount(router);
    new AuthorRoutes(vertx, access, attributionService).mount(router);
    new InviteRoutes(access, projects).mount(router);
    new PartWritingRoutes(vertx, access, rooms).mount(router);
    new VersionRoutes(access, versions, projects).mount(router);
    new CommentRoutes(access, comments).mount(router);
    new AssignmentRoutes(access, assignments).mount(router);
    new ClassRoutes(new Classes(vertx, registry.metadata())).mount(router);
    new AudioExportRoutes(vertx, access, rooms, audioExports).mount(router);
    router.route("/api/*").handler(ctx -> ctx.fail(ApiException.notFound("no such API route: " + ctx.request().path())));
    router.route().failureHandler(ErrorResponses::handle);
  }

  // ---- health and metrics ----------------------------------------------------------------------

  private void health(RoutingContext ctx) {
    JsonObject health = new JsonObject().put("status", "ok").put("rooms", metrics.openRooms())
        .put("connections", metrics.openConnections()).put("projects", registry.size())
        .put("generation", new JsonObject().put("mode", config.generation().load().name().toLowerCase(Locale.ROOT))
            .put("model", generation.modelState()).put("modelLoaded", "loaded".equals(generation.modelState())));
    rooms.health().onComplete(ar -> {
      if (ar.succeeded() && !ar.result().isEmpty()) {
        health.put("cluster", ar.result());
      }
      json(ctx, 200, health);
    });
  }

  /**
   * Whether load balancers and readiness probes should send clients here: 503 while a cluster node
   * sees too few members to own rooms (the minority side of a split) or is draining. Liveness stays
   * on /health, so a node cut off from the others is taken out of rotation, not restarted.
   */
  private void ready(RoutingContext ctx) {
    rooms.health().onComplete(ar -> {
      JsonObject cluster = ar.succeeded() ? ar.result() : new JsonObject();
      boolean ready = ar.succeeded() && cluster.getBoolean("quorate", true) && !cluster.getBoolean("draining", false);
      json(ctx, ready ? 200 : 503, new JsonObject().put("ready", ready).put("reason", ready ? null
          : !cluster.getBoolean("quorate", true) ? "this node sees too few cluster members to own rooms" : "this node is draining"));
    });
  }

  private void metrics(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8").end(prometheus.scrape());
  }

  // ---- identity ------------------------------------------------------------------------------

  private void devToken(RoutingContext ctx) {
    if (!config.devMode()) {
      ctx.fail(ApiException.notFound("development sign-in is off on this server"));
      return;
    }
    String name = body(ctx).getString("name", "").trim();
    if (!NAME.matcher(name).matches()) {
      ctx.fail(ApiException.badRequest("a name of 1 to 40 letters, digits, spaces or . _ ' - is needed"));
      return;
    }
    UserIdentity user = new UserIdentity(userIdOf(name), name);
    json(ctx, 200, new JsonObject().put("token", tokens.issue(user, Tokens.DEFAULT_LIFETIME)).put("user", userJson(user)));
  }

  /** A stable id for a development name: lower case, spaces as dashes. */
  static String userIdOf(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-").replaceAll("[^\\p{L}\\p{N}._-]", "");
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
        : ctx.request().getParam("token");
    tokens.verify(token).onSuccess(user -> {
      ctx.put(USER, user);
      ctx.next();
    }).onFailure(e -> ctx.fail(ApiException.unauthorized(token == null ? "missing token" : "invalid or expired token")));
  }

  static UserIdentity user(RoutingContext ctx) {
    return ctx.get(USER);
  }

  private static JsonObject userJson(UserIdentity u) {
    return new JsonObject().put("id", u.id()).put("name", u.name());
  }

  // ---- projects ------------------------------------------------------------------------------

  private void listProjects(RoutingContext ctx) {
    UserIdentity user = user(ctx);
    List<ProjectRecord> visible = registry.visibleTo(user.id());
    // Each project's last change; one never edited since (or before the server noted changes) was last
    // changed when it was created.
    projects.changedAt(visible.stream().map(ProjectRecord::id).toList()).onSuccess(changed -> {
      JsonArray out = new JsonArray();
      for (ProjectRecord r : visible) {
        out.add(r.toJson().put("role", r.roleOf(user.id()).map(Role::wireName).orElse(null))
            .put("changedAt", changed.getOrDefault(r.id(), r.createdAt()).toString()));
      }
      json(ctx, 200, new JsonObject().put("projects", out));
    }).onFailure(ctx::fail);
  }

  private void createProject(RoutingContext ctx) {
    UserIdentity user = user(ctx);
    JsonObject body = body(ctx);
    String title = body.getString("title", "Untitled").trim();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      ctx.fail(ApiException.badRequest("the title must have 1 to " + MAX_TITLE + " characters"));
      return;
    }
    ProjectContent.Template template;
    try {
      template = content.template(body.getString("template", "empty"), body.getString("key"));
    } catch (IllegalArgumentException e) {
      ctx.fail(ApiException.badRequest(e.getMessage()));
      return;
    }
    projects.create(user, title, ProjectContent.templateAuthor(body.getString("template", "empty")), template::write)
        .onSuccess(record -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, "/api/projects/" + record.id());
          json(ctx, 201, record.toJson().put("role", Role.OWNER.wireName()));
        })
        .onFailure(ctx::fail);
  }

  private void readProject(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "read the project");
    rooms.read(record.id(), vertx, content::view).onSuccess(view -> json(ctx, 200, record.toJson()
        .put("role", record.roleOf(user(ctx).id()).map(Role::wireName).orElse(null))
        .put("document", view))).onFailure(ctx::fail);
  }

  private void renameProject(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.OWNER, "rename the project");
    String title = titleOf(body(ctx), null);
    if (title == null) {
      ctx.fail(ApiException.badRequest("the title must be text of 1 to " + MAX_TITLE + " characters"));
      return;
    }
    projects.rename(record, user(ctx), title, content::rename)
        .onSuccess(r -> json(ctx, 200, r.toJson()))
        .onFailure(ctx::fail);
  }

  /** A copy of the project owned by the caller (owners and editors: a viewer asks for an export). */
  private void duplicateProject(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.EDITOR, "duplicate the project");
    String copyOf = "Copy of " + record.title();
    String title = titleOf(body(ctx), copyOf.substring(0, Math.min(MAX_TITLE, copyOf.length())).trim());
    if (title == null) {
      ctx.fail(ApiException.badRequest("the title must be text of 1 to " + MAX_TITLE + " characters"));
      return;
    }
    projects.duplicate(record, user(ctx), title).onSuccess(copy -> {
      ctx.response().putHeader(HttpHeaders.LOCATION, "/api/projects/" + copy.id());
      json(ctx, 201, copy.toJson().put("role", Role.OWNER.wireName()).put("copiedFrom", record.id()));
    }).onFailure(ctx::fail);
  }

  /** The body's {@code title}, trimmed; {@code absent} when it has none; null when it is not 1 to MAX_TITLE characters of text. */
  private static String titleOf(JsonObject body, String absent) {
    Object value = body.getValue("title");
    if (value == null) {
      return absent;
    }
    String title = value instanceof String text ? text.trim() : "";
    return title.isEmpty() || title.length() > MAX_TITLE ? null : title;
  }

  private void deleteProject(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.OWNER, "delete the project");
    projects.delete(record)
        .compose(v -> consent.set(record.id(), false, user(ctx).id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  // ---- members -------------------------------------------------------------------------------

  private void listMembers(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "see its members");
    JsonArray out = new JsonArray().add(userJson(record.owner()).put("role", Role.OWNER.wireName()));
    record.members().values().forEach(m -> out.add(userJson(m.user()).put("role", m.role().wireName())));
    json(ctx, 200, new JsonObject().put("members", out));
  }

  private void putMember(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.OWNER, "change its members");
    String userId = ctx.pathParam("userId");
    JsonObject body = body(ctx);
    Role role = Role.parse(body.getString("role"));
    if (!USER_ID.matcher(userId).matches()) {
      ctx.fail(ApiException.badRequest("user ids are 1 to 64 lower-case letters, digits, . _ or -"));
      return;
    }
    if (role == null || role == Role.OWNER) {
      ctx.fail(ApiException.badRequest("role must be \"editor\" or \"viewer\""));
      return;
    }
    if (userId.equals(record.owner().id())) {
      ctx.fail(ApiException.badRequest("the owner's role cannot change"));
      return;
    }
    String name = body.getString("name", userId);
    projects.setMember(record, new UserIdentity(userId, name), role)
        .onSuccess(r -> json(ctx, 200, r.toJson()))
        .onFailure(ctx::fail);
  }

  private void removeMember(RoutingContext ctx) {
    String userId = ctx.pathParam("userId");
    boolean leaving = userId.equals(user(ctx).id());
    ProjectRecord record = access.require(ctx, leaving ? Role.VIEWER : Role.OWNER, "remove other members");
    if (!record.members().containsKey(userId)) {
      ctx.fail(ApiException.notFound("not a member: " + userId));
      return;
    }
    projects.removeMember(record, userId)
        .onSuccess(r -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  // ---- export --------------------------------------------------------------------------------

  private void exportMidi(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "export it");
    attribution.midi(record.id()).onSuccess(bytes -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "audio/midi")
        .putHeader("Content-Disposition", DownloadNames.attachment(record.title(), "mid"))
        .end(io.vertx.core.buffer.Buffer.buffer(bytes))).onFailure(ctx::fail);
  }

  private void exportMusicXml(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "export it");
    attributionService.musicXml(vertx, record.id()).onSuccess(xml -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.recordare.musicxml+xml; charset=utf-8")
        .putHeader("Content-Disposition", DownloadNames.attachment(record.title(), "musicxml"))
        .end(xml)).onFailure(ctx::fail);
  }

  // ---- helpers -------------------------------------------------------------------------------

}
