package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.schema.ProjectReader;
import org.ensemble.server.audio.AudioExports;
import org.ensemble.server.audio.AudioRenderJob;
import org.ensemble.server.auth.Role;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.sync.Rooms;

/**
 * Audio export (documented in {@code docs/api.md}): {@code POST /api/projects/:id/export.wav} starts
 * rendering the mix (volume, pan, mute and solo as the document has them now) and answers 202 with the
 * render's id; {@code GET /api/projects/:id/export.wav/:render} tells its state and progress; {@code GET
 * /api/projects/:id/export.wav/:render/file} sends the WAV named after the project's title. Any member
 * may export, viewers included; every step checks membership again. The document is read on its room's
 * thread, the render runs on a worker ({@link AudioExports}).
 */
final class AudioExportRoutes {
  private final Vertx vertx;
  private final ProjectAccess access;
  private final Rooms rooms;
  private final AudioExports exports;

  AudioExportRoutes(Vertx vertx, ProjectAccess access, Rooms rooms, AudioExports exports) {
    this.vertx = vertx;
    this.access = access;
    this.rooms = rooms;
    this.exports = exports;
  }

  void mount(Router router) {
    router.post("/api/projects/:id/export.wav").handler(this::start);
    router.get("/api/projects/:id/export.wav/:render").handler(this::status);
    router.get("/api/projects/:id/export.wav/:render/file").handler(this::file);
  }

  private void start(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "export it");
    String userId = ApiRouter.user(ctx).id();
    rooms.read(record.id(), vertx, doc -> ProjectReader.read(doc).view())
        .map(view -> {
          try {
            return exports.start(record.id(), userId, record.title(), view);
          } catch (AudioExports.Refused e) {
            throw new ApiException(e.status(), e.getMessage());
          }
        })
        .onSuccess(job -> json(ctx, 202, toJson(job)))
        .onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    json(ctx, 200, toJson(job(ctx)));
  }

  private void file(RoutingContext ctx) {
    AudioRenderJob job = job(ctx);
    if (job.state() != AudioRenderJob.State.DONE || job.file().isEmpty()) {
      throw new ApiException(409, job.state() == AudioRenderJob.State.FAILED ? job.error()
          : "the audio is still rendering (" + Math.round(job.progress() * 100) + " %)");
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "audio/wav")
        .putHeader("Content-Disposition", DownloadNames.attachment(job.title(), "wav"))
        .sendFile(job.file().get().toString()).onFailure(ctx::fail);
  }

  /** The render named in the path, of the project in the path, for a member of it. */
  private AudioRenderJob job(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.VIEWER, "export it");
    String id = ctx.pathParam("render");
    return exports.get(id).filter(j -> j.projectId().equals(record.id()))
        .orElseThrow(() -> ApiException.notFound("no such audio export: " + id + " (kept 10 minutes after it is done)"));
  }

  private static JsonObject toJson(AudioRenderJob job) {
    JsonObject out = new JsonObject().put("id", job.id()).put("state", job.state().name().toLowerCase(java.util.Locale.ROOT))
        .put("progress", job.progress()).put("seconds", job.seconds());
    if (job.error() != null) {
      out.put("error", job.error());
    }
    return out;
  }
}
