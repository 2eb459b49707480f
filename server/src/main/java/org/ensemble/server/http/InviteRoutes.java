package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.body;
import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.Invite;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;

/**
 * Sharing by link (docs/api.md): the owner makes an invite link with a role, lists and revokes them;
 * a signed-in user who opens one joins the project with that role. A revoked link refuses (410) and
 * says so; revoking does not remove those who already joined (the members page does that).
 */
final class InviteRoutes {
  private final ProjectAccess access;
  private final Projects projects;
  private final ProjectRegistry registry;

  InviteRoutes(ProjectAccess access, Projects projects) {
    this.access = access;
    this.projects = projects;
    this.registry = projects.registry();
  }

  void mount(Router router) {
    router.post("/api/projects/:id/invites").handler(this::create);
    router.get("/api/projects/:id/invites").handler(this::list);
    router.delete("/api/projects/:id/invites/:code").handler(this::revoke);
    router.post("/api/projects/:id/invites/:code/join").handler(this::join);
  }

  private void create(RoutingContext ctx) {
    ProjectRecord record = ownProject(ctx);
    Role role = Role.parse(body(ctx).getString("role"));
    if (role == null || role == Role.OWNER) {
      ctx.fail(ApiException.badRequest("role must be \"editor\" or \"viewer\""));
      return;
    }
    registry.invites().create(record.id(), role, ApiRouter.user(ctx))
        .onSuccess(invite -> json(ctx, 201, view(invite)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    ProjectRecord record = ownProject(ctx);
    registry.invites().list(record.id()).onSuccess(all -> {
      JsonArray out = new JsonArray();
      all.forEach(i -> out.add(view(i)));
      json(ctx, 200, new JsonObject().put("invites", out));
    }).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    ProjectRecord record = ownProject(ctx);
    registry.invites().find(record.id(), ctx.pathParam("code"))
        .compose(found -> {
          Invite invite = found.orElseThrow(() -> ApiException.notFound("no such invite link"));
          return invite.revoked() ? Future.succeededFuture(invite) : registry.invites().put(invite.revokedNow());
        })
        .onSuccess(i -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    UserIdentity user = ApiRouter.user(ctx);
    ProjectRecord record = registry.get(id).orElseThrow(() -> ApiException.notFound("this invite link's project no longer exists"));
    registry.invites().find(id, ctx.pathParam("code")).compose(found -> {
      Invite invite = found.orElseThrow(() -> ApiException.notFound("no such invite link: check that it was copied whole"));
      if (invite.revoked()) {
        throw new ApiException(410, "this invite link was revoked; ask " + record.owner().name() + " for a new one");
      }
      Role now = record.roleOf(user.id()).orElse(null);
      if (now != null && now.ordinal() >= invite.role().ordinal()) {
        return Future.succeededFuture(now); // already in, with this role or a better one: nothing changes
      }
      // The latest record (another join may have just been stored) with this member added.
      ProjectRecord latest = registry.get(id).orElse(record);
      return projects.setMember(latest, user, invite.role()).map(invite.role());
    }).onSuccess(role -> json(ctx, 200, new JsonObject().put("projectId", id).put("title", record.title())
        .put("role", role.wireName()))).onFailure(ctx::fail);
  }

  private ProjectRecord ownProject(RoutingContext ctx) {
    return access.require(ctx, Role.OWNER, "share the project by link");
  }

  private static JsonObject view(Invite invite) {
    return invite.toJson().put("link", "/#/join/" + invite.projectId() + "/" + invite.code())
        .put("state", invite.revoked() ? "revoked" : "active");
  }
}
