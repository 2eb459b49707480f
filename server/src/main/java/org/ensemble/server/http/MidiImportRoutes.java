package org.ensemble.server.http;

import static org.ensemble.server.http.JsonExchange.json;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.BiFunction;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.schema.MidiImport;
import org.ensemble.schema.MusicXmlImport;
import org.ensemble.schema.ProjectMaps;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.schema.TrackView;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRecord;

/**
 * {@code POST /api/projects/import?title=…} with a Standard MIDI File as the body: a new project from
 * the file; {@code POST /api/projects/{id}/import}: the file's tracks added to that project; {@code POST
 * /api/projects/import.musicxml?title=…}: a new project from an uncompressed MusicXML score (docs/api.md). Mounted before the API's small JSON body limit, with its own limit and
 * sign-in check. The file is read off the event loop and checked whole before anything is created: a
 * refused file (400/413 with the reason) leaves no project behind.
 */
final class MidiImportRoutes {
  private static final String PATH = "/api/projects/import";
  private static final int MAX_TITLE = 200;

  private static final String INTO_PATH = "/api/projects/:id/import";
  private static final String XML_PATH = "/api/projects/import.musicxml";

  private final Vertx vertx;
  private final Projects projects;
  private final ProjectAccess access;

  MidiImportRoutes(Vertx vertx, Projects projects, ProjectAccess access) {
    this.vertx = vertx;
    this.projects = projects;
    this.access = access;
  }

  /** Mounted before the API's small JSON body limit; {@code authenticate} is the API's own sign-in check. */
  void mount(Router router, Handler<RoutingContext> authenticate) {
    router.post(PATH).handler(this::checkSize);
    router.post(PATH).handler(BodyHandler.create().setBodyLimit(MidiImport.MAX_FILE_BYTES + 1L));
    router.post(PATH).handler(authenticate);
    router.post(PATH).handler(this::importFile);
    router.post(INTO_PATH).handler(this::checkSize);
    router.post(INTO_PATH).handler(BodyHandler.create().setBodyLimit(MidiImport.MAX_FILE_BYTES + 1L));
    router.post(INTO_PATH).handler(authenticate);
    router.post(INTO_PATH).handler(this::importInto);
    router.post(XML_PATH).handler(ctx -> checkSize(ctx, MusicXmlImport.MAX_FILE_BYTES, "MusicXML files of up to "
        + MusicXmlImport.MAX_FILE_BYTES / 1024 / 1024 + " MiB"));
    router.post(XML_PATH).handler(BodyHandler.create().setBodyLimit(MusicXmlImport.MAX_FILE_BYTES + 1L));
    router.post(XML_PATH).handler(authenticate);
    router.post(XML_PATH).handler(ctx -> importFile(ctx, MidiImportRoutes::readMusicXml));
  }

  private void checkSize(RoutingContext ctx) {
    checkSize(ctx, MidiImport.MAX_FILE_BYTES, "MIDI files of up to " + MidiImport.MAX_FILE_BYTES / 1024 + " KiB");
  }

  /** An announced size over the limit is refused before the body is read. */
  private static void checkSize(RoutingContext ctx, int maxBytes, String what) {
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      if (length != null && Long.parseLong(length) > maxBytes) {
        ctx.fail(new ApiException(413, "the file has " + length + " bytes; the studio imports " + what));
        return;
      }
    } catch (NumberFormatException e) {
      ctx.fail(ApiException.badRequest("bad Content-Length"));
      return;
    }
    ctx.next();
  }

  private void importFile(RoutingContext ctx) {
    importFile(ctx, MidiImportRoutes::read);
  }

  /** A new project from the body, read by {@code reader} off the event loop. */
  private void importFile(RoutingContext ctx, BiFunction<byte[], String, MidiImport.Result> reader) {
    String title = ctx.request().getParam("title", "Imported").trim();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      ctx.fail(ApiException.badRequest("the title must have 1 to " + MAX_TITLE + " characters"));
      return;
    }
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    UserIdentity user = ApiRouter.user(ctx);
    vertx.executeBlocking(() -> reader.apply(bytes, title), false)
        .onFailure(ctx::fail)
        .onSuccess(result -> create(ctx, user, result));
  }

  /**
   * The file's tracks added to the open project (editors and the owner), as one edit of the importer's;
   * its tempo, key and time signature are reported, not applied: the project keeps its own.
   */
  private void importInto(RoutingContext ctx) {
    ProjectRecord record = access.require(ctx, Role.EDITOR, "import into it");
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    UserIdentity user = ApiRouter.user(ctx);
    vertx.executeBlocking(() -> read(bytes, record.title()), false)
        .compose(result -> projects.importTracks(record, user, result.tracks(), result.meta().ticksPerQuarter(),
                MidiImport.MAX_TRACKS)
            .recover(e -> Future.failedFuture(e instanceof IllegalArgumentException
                ? ApiException.badRequest("cannot import this file: " + e.getMessage()) : e))
            .map(tracks -> new JsonObject()
                .put("tracks", new JsonArray(tracks.stream().map(t -> (Object) new JsonObject().put("id", t.id())
                    .put("name", t.name()).put("role", t.role().schemaName()).put("notes", t.notes().size())).toList()))
                .put("notes", result.notes())
                .put("file", new JsonObject().put("tempoBpm", result.meta().tempoBpm())
                    .put("key", result.meta().key().toString())
                    .put("timeSignature", result.meta().timeSignature().numerator() + "/"
                        + result.meta().timeSignature().denominator()))))
        .onSuccess(summary -> json(ctx, 200, summary))
        .onFailure(ctx::fail);
  }

  private static MidiImport.Result readMusicXml(byte[] bytes, String title) {
    try {
      return MusicXmlImport.read(bytes, title);
    } catch (MidiImport.RefusedException e) {
      throw ApiException.badRequest("cannot import this score: " + e.getMessage());
    }
  }

  private static MidiImport.Result read(byte[] bytes, String title) {
    try {
      return MidiImport.read(bytes, title);
    } catch (MidiImport.RefusedException e) {
      throw ApiException.badRequest("cannot import this file: " + e.getMessage());
    }
  }

  private void create(RoutingContext ctx, UserIdentity user, MidiImport.Result result) {
    projects.create(user, result.meta().title(), user, (doc, title) -> doc.transact(t -> {
          ProjectMaps.writeMeta(doc.getMap(ProjectSchema.META), result.meta());
          YArray tracks = doc.getArray(ProjectSchema.TRACKS);
          tracks.push(result.tracks().stream().map(ProjectMaps::track).toList());
        }, null))
        .onSuccess(record -> {
          JsonObject summary = new JsonObject().put("tracks", result.tracks().size()).put("notes", result.notes())
              .put("tempoBpm", result.meta().tempoBpm()).put("key", result.meta().key().toString())
              .put("timeSignature", result.meta().timeSignature().numerator() + "/" + result.meta().timeSignature().denominator())
              .put("roles", result.tracks().stream().map(TrackView::role).map(r -> r.schemaName()).toList());
          ctx.response().putHeader(HttpHeaders.LOCATION, "/api/projects/" + record.id());
          json(ctx, 201, record.toJson().put("role", Role.OWNER.wireName()).put("imported", summary));
        })
        .onFailure(ctx::fail);
  }
}
