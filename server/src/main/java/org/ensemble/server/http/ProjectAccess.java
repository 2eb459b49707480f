package org.ensemble.server.http;

import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.auth.Role;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;

/**
 * The API's one project-access check, used by every route under {@code /api/projects/:id}: the
 * project exists (404 otherwise) and the caller is a member (403 naming the project and whom to ask:
 * someone holding a link should learn why it does not open), with at least the role the action needs
 * (403, saying which).
 */
final class ProjectAccess {
  private final ProjectRegistry registry;

  ProjectAccess(ProjectRegistry registry) {
    this.registry = registry;
  }

  /** The {@code :id} project, if the caller may {@code action} in it with {@code needed} or more. */
  ProjectRecord require(RoutingContext ctx, Role needed, String action) {
    String id = ctx.pathParam("id");
    ProjectRecord record = registry.get(id).orElseThrow(() -> ApiException.notFound("no such project: " + id));
    Role role = record.roleOf(ApiRouter.user(ctx).id()).orElseThrow(() -> ApiException.forbidden(
        "you are not a member of \"" + record.title() + "\"; ask its owner, " + record.owner().name() + ", to add you"));
    if (role.ordinal() < needed.ordinal()) {
      String who = role.wireName();
      throw ApiException.forbidden(("aeiou".indexOf(who.charAt(0)) >= 0 ? "an " : "a ") + who + " cannot " + action
          + "; that needs the " + needed.wireName() + " role");
    }
    return record;
  }
}
