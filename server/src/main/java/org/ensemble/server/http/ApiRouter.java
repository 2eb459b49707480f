package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ensemble.server.ServerConfig;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.DirectConnection;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.ServerClientIds;

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
  private final ProjectRegistry registry;
  private final Rooms rooms;
  private final DocumentStore store;
  private final ServerMetrics metrics;
  private final PrometheusMeterRegistry prometheus;
  private final ProjectContent content;
  private final AttributionRoutes attribution;
  private final SecureRandom random = new SecureRandom();

  public ApiRouter(Vertx vertx, ServerConfig config, Tokens tokens, ProjectRegistry registry, Rooms rooms,
                   DocumentStore store, ServerMetrics metrics, PrometheusMeterRegistry prometheus) {
    this.vertx = vertx;
    this.config = config;
    this.tokens = tokens;
    this.registry = registry;
    this.rooms = rooms;
    this.store = store;
    this.metrics = metrics;
    this.prometheus = prometheus;
    this.content = new ProjectContent();
    this.attribution = new AttributionRoutes(vertx, registry, new org.ensemble.server.attribution.Attribution(store));
  }

  /** Mounts the routes on {@code router}. */
  public void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    new MidiImportRoutes(vertx, tokens, registry, rooms).mount(router); // before the small JSON body limit
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/dev/token").handler(this::devToken);
    router.route("/api/*").handler(this::authenticate);
    router.get("/api/me").handler(ctx -> json(ctx, 200, userJson(user(ctx))));
    router.get("/api/projects").handler(this::listProjects);
    router.post("/api/projects").handler(this::createProject);
    router.get("/api/projects/:id").handler(this::readProject);
    router.patch("/api/projects/:id").handler(this::renameProject);
    router.delete("/api/projects/:id").handler(this::deleteProject);
    router.get("/api/projects/:id/members").handler(this::listMembers);
    router.put("/api/projects/:id/members/:userId").handler(this::putMember);
    router.delete("/api/projects/:id/members/:userId").handler(this::removeMember);
    router.get("/api/projects/:id/export.mid").handler(this::exportMidi);
    attribution.mount(router);
    new GenerationRoutes(vertx, registry, rooms).mount(router);
    new InviteRoutes(registry, rooms).mount(router);
    router.route("/api/*").handler(ctx -> ctx.fail(ApiException.notFound("no such API route: " + ctx.request().path())));
    router.route().failureHandler(ErrorResponses::handle);
  }

  // ---- health and metrics ----------------------------------------------------------------------

  private void health(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("status", "ok").put("rooms", metrics.openRooms())
        .put("connections", metrics.openConnections()).put("projects", registry.size()));
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
    JsonArray out = new JsonArray();
    for (ProjectRecord r : registry.visibleTo(user.id())) {
      out.add(r.toJson().put("role", r.roleOf(user.id()).map(Role::wireName).orElse(null)));
    }
    json(ctx, 200, new JsonObject().put("projects", out));
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
    ProjectRecord record = new ProjectRecord(newProjectId(), title, user, Map.of(), Instant.now());
    registry.put(record)
        .compose(r -> rooms.edit(r.id(), new DirectConnection(ProjectContent.templateAuthor(body.getString("template", "empty"))),
            ServerClientIds.API_EDITS, doc -> template.write(doc, title)))
        .onSuccess(update -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, "/api/projects/" + record.id());
          json(ctx, 201, record.toJson().put("role", Role.OWNER.wireName()));
        })
        .onFailure(ctx::fail);
  }

  private String newProjectId() {
    String alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** The project and the caller's role in it; fails with 404 or 403 otherwise. */
  private ProjectRecord accessible(RoutingContext ctx, Role needed) {
    String id = ctx.pathParam("id");
    ProjectRecord record = registry.get(id).orElseThrow(() -> ApiException.notFound("no such project: " + id));
    Role role = record.roleOf(user(ctx).id()).orElseThrow(() -> ApiException.forbidden("you are not a member of \""
        + record.title() + "\"; ask its owner, " + record.owner().name() + ", to add you"));
    if (role.ordinal() < needed.ordinal()) {
      throw ApiException.forbidden("this needs the " + needed.wireName() + " role; you are " + role.wireName());
    }
    return record;
  }

  private void readProject(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.VIEWER);
    rooms.read(record.id(), vertx, content::view).onSuccess(view -> json(ctx, 200, record.toJson()
        .put("role", record.roleOf(user(ctx).id()).map(Role::wireName).orElse(null))
        .put("document", view))).onFailure(ctx::fail);
  }

  private void renameProject(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.OWNER);
    String title = body(ctx).getString("title", "").trim();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      ctx.fail(ApiException.badRequest("the title must have 1 to " + MAX_TITLE + " characters"));
      return;
    }
    rooms.edit(record.id(), new DirectConnection(user(ctx)), ServerClientIds.API_EDITS, doc -> content.rename(doc, title))
        .compose(u -> registry.put(record.withTitle(title)))
        .onSuccess(r -> json(ctx, 200, r.toJson()))
        .onFailure(ctx::fail);
  }

  private void deleteProject(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.OWNER);
    registry.delete(record.id())
        .compose(v -> rooms.evict(record.id(), CloseCodes.NOT_FOUND, "the project was deleted"))
        .compose(v -> Future.fromCompletionStage(store.delete(record.id()), vertx.getOrCreateContext()))
        .compose(v -> attribution.delete(record.id()))
        .compose(v -> registry.invites().deleteAll(record.id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  // ---- members -------------------------------------------------------------------------------

  private void listMembers(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.VIEWER);
    JsonArray out = new JsonArray().add(userJson(record.owner()).put("role", Role.OWNER.wireName()));
    record.members().values().forEach(m -> out.add(userJson(m.user()).put("role", m.role().wireName())));
    json(ctx, 200, new JsonObject().put("members", out));
  }

  private void putMember(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.OWNER);
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
    registry.put(record.withMember(new UserIdentity(userId, name), role))
        .compose(r -> record.roleOf(userId).orElse(null) == role ? Future.succeededFuture(r)
            : rooms.evictUser(r.id(), userId, CloseCodes.FORBIDDEN, "your role changed; reconnect").map(r))
        .onSuccess(r -> json(ctx, 200, r.toJson()))
        .onFailure(ctx::fail);
  }

  private void removeMember(RoutingContext ctx) {
    String userId = ctx.pathParam("userId");
    boolean leaving = userId.equals(user(ctx).id());
    ProjectRecord record = accessible(ctx, leaving ? Role.VIEWER : Role.OWNER);
    if (!record.members().containsKey(userId)) {
      ctx.fail(ApiException.notFound("not a member: " + userId));
      return;
    }
    registry.put(record.withoutMember(userId))
        .compose(r -> rooms.evictUser(r.id(), userId, CloseCodes.FORBIDDEN, "membership changed; reconnect").map(r))
        .onSuccess(r -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  // ---- export --------------------------------------------------------------------------------

  private void exportMidi(RoutingContext ctx) {
    ProjectRecord record = accessible(ctx, Role.VIEWER);
    attribution.midi(record.id()).onSuccess(bytes -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "audio/midi")
        .putHeader("Content-Disposition", DownloadNames.attachment(record.title(), "mid"))
        .end(io.vertx.core.buffer.Buffer.buffer(bytes))).onFailure(ctx::fail);
  }

  // ---- helpers -------------------------------------------------------------------------------

}
