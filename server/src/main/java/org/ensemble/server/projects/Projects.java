package org.ensemble.server.projects;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.schema.ImportedTracks;
import org.ensemble.schema.ProjectMaps;
import org.ensemble.schema.ProjectReader;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.schema.TrackView;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.attribution.AttributionCache;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.history.Versions;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.store.DocumentStore;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.DirectConnection;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.ServerClientIds;

/**
 * Projects as a whole: creating one (its record, then its first content through its room), renaming
 * (the document's title and the record), duplicating, deleting (record, room, document, ledger) and membership
 * (the record, then closing connections whose access changed). The routes only translate HTTP to
 * these calls; access is checked before them.
 */
public final class Projects {
  private static final String ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

  private final Vertx vertx;
  private final ProjectRegistry registry;
  private final Rooms rooms;
  private final DocumentStore documents;
  private final Attribution attribution;
  private final AttributionCache attributionCache;
  private final Versions versions;
  private final ChangeTimes changes;
  private final SecureRandom random = new SecureRandom();

  public Projects(Vertx vertx, ProjectRegistry registry, Rooms rooms, DocumentStore documents,
                  Attribution attribution, AttributionCache attributionCache, Versions versions, ChangeTimes changes) {
    this.vertx = vertx;
    this.registry = registry;
    this.rooms = rooms;
    this.documents = documents;
    this.attribution = attribution;
    this.attributionCache = attributionCache;
    this.versions = versions;
    this.changes = changes;
  }

  /** When each project last changed (those never edited since the server noted changes have none). */
  public Future<Map<String, Instant>> changedAt(java.util.Collection<String> ids) {
    return changes.read(ids, vertx.getOrCreateContext());
  }

  public ProjectRegistry registry() {
    return registry;
  }

  /**
   * A new project owned by {@code owner}; {@code content} writes its first document (a template),
   * credited to {@code contentAuthor} (the template's notes are not the owner's).
   */
  public Future<ProjectRecord> create(UserIdentity owner, String title, UserIdentity contentAuthor,
                                      BiConsumer<Doc, String> content) {
    ProjectRecord record = new ProjectRecord(newId(), title, owner, Map.of(), Instant.now());
    // A project whose first document could not be written is taken back rather than left empty.
    return registry.put(record)
        .compose(r -> rooms.edit(r.id(), new DirectConnection(contentAuthor), ServerClientIds.API_EDITS,
            doc -> content.accept(doc, title)).recover(e -> registry.delete(r.id()).transform(v -> Future.failedFuture(e))))
        .map(record);
  }

  /** Renames a project: the title in its document (as {@code by}'s edit), then in its record. */
  public Future<ProjectRecord> rename(ProjectRecord record, UserIdentity by, String title,
                                      BiConsumer<Doc, String> retitle) {
    return rooms.edit(record.id(), new DirectConnection(by), ServerClientIds.API_EDITS, doc -> retitle.accept(doc, title))
        .compose(u -> registry.put(record.withTitle(title)));
  }

  /**
   * Restores a version as {@code by}'s edit ({@link Versions#restore}). A whole restore that brings an
   * older title back retitles the project's record too, so that the project list says what the studio does.
   */
  public Future<JsonObject> restore(ProjectRecord record, String versionId, UserIdentity by, Set<String> onlyNotes) {
    return versions.restore(record.id(), versionId, by, onlyNotes).compose(restored -> {
      if (!restored.getJsonObject("edit").getJsonArray("settingsChanged").contains(ProjectSchema.Meta.TITLE)) {
        return Future.succeededFuture(restored);
      }
      return rooms.read(record.id(), vertx, doc -> ProjectReader.read(doc).view().meta().title())
          .compose(title -> registry.put(record.withTitle(title))).map(restored);
    });
  }

  /**
   * Deletes a project: its record, its room's connections, its document, its ledger, its invite links
   * and its versions.
   */
  public Future<Void> delete(ProjectRecord record) {
    return registry.delete(record.id())
        .compose(v -> registry.invites().deleteAll(record.id()))
        .compose(v -> rooms.evict(record.id(), CloseCodes.NOT_FOUND, "the project was deleted"))
        .compose(v -> Future.fromCompletionStage(documents.delete(record.id()), vertx.getOrCreateContext()))
        .compose(v -> {
          attributionCache.forget(record.id());
          return Future.fromCompletionStage(attribution.delete(record.id()), vertx.getOrCreateContext());
        })
        .compose(v -> versions.deleteAll(record.id()))
        .compose(v -> changes.delete(record.id(), vertx.getOrCreateContext()));
  }

  /**
   * A copy of {@code source} owned by {@code owner}, titled {@code title}: its tempo, key, time
   * signature, sections, and its tracks with their settings and notes (same ids). Not copied: members,
   * pending AI suggestions, comments, versions and the ledger. The copy's ledger credits its notes to
   * {@link #copyAuthor} (the copy, named after the source), not to the person who copied them: they
   * did not write them, and the source's ledger keeps who did.
   */
  public Future<ProjectRecord> duplicate(ProjectRecord source, UserIdentity owner, String title) {
    return rooms.read(source.id(), vertx, ProjectReader::read)
        .compose(read -> create(owner, title, copyAuthor(source), (doc, t) -> doc.transact(tx -> {
          ProjectMaps.writeMeta(doc.getMap(ProjectSchema.META), read.view().meta().withTitle(t));
          doc.getArray(ProjectSchema.TRACKS).push(read.view().tracks().stream().map(ProjectMaps::track).toList());
          if (!read.view().sections().isEmpty()) {
            doc.getArray(ProjectSchema.SECTIONS).push(read.view().sections().stream().map(ProjectMaps::section).toList());
          }
        }, null)));
  }

  /**
   * Adds the tracks of a file ({@code imported}, in the file's resolution) to a project as new tracks,
   * in one edit of {@code by}'s (the ledger credits them with it), their ticks in the project's
   * resolution and their ids drawn for this import. Refused, with nothing written, when the project
   * would hold more than {@code maxTracks} tracks. Completes with the new tracks.
   */
  public Future<List<TrackView>> importTracks(ProjectRecord record, UserIdentity by, List<TrackView> imported,
                                              int fileTicksPerQuarter, int maxTracks) {
    String prefix = "i" + newId().substring(0, 6) + "-";
    return rooms.read(record.id(), vertx, doc -> ProjectReader.read(doc).view()).compose(view -> {
      if (view.tracks().size() + imported.size() > maxTracks) {
        return Future.failedFuture(new IllegalArgumentException("the project has " + view.tracks().size()
            + " tracks and the file " + imported.size() + "; a project holds up to " + maxTracks));
      }
      List<TrackView> fitted;
      try {
        fitted = ImportedTracks.fit(imported, fileTicksPerQuarter, view.meta().ticksPerQuarter(), prefix);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e);
      }
      return rooms.edit(record.id(), new DirectConnection(by), ServerClientIds.API_EDITS, doc -> doc.transact(t ->
              doc.getArray(ProjectSchema.TRACKS).push(fitted.stream().map(ProjectMaps::track).toList()), null))
          .map(u -> fitted);
    });
  }

  /** Who a copy's ledger credits with the notes it was made with. Its id has a colon, which no user id has. */
  static UserIdentity copyAuthor(ProjectRecord source) {
    return new UserIdentity("copy:" + source.id(), "copied from \u201c" + source.title() + "\u201d");
  }

  /**
   * Gives {@code user} a role. When it changes, only that user's connections are closed, to reconnect
   * with the new rights; the other collaborators are not disturbed.
   */
  public Future<ProjectRecord> setMember(ProjectRecord record, UserIdentity user, Role role) {
    return registry.put(record.withMember(user, role))
        .compose(r -> record.roleOf(user.id()).orElse(null) == role ? Future.succeededFuture(r)
            : rooms.evictUser(r.id(), user.id(), CloseCodes.FORBIDDEN, "your role changed; reconnect").map(r));
  }

  /** Removes a member and closes only their connections. */
  public Future<ProjectRecord> removeMember(ProjectRecord record, String userId) {
    return registry.put(record.withoutMember(userId))
        .compose(r -> rooms.evictUser(r.id(), userId, CloseCodes.FORBIDDEN, "membership changed; reconnect").map(r));
  }

  private String newId() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return sb.toString();
  }
}
