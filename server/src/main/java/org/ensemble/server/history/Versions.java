package org.ensemble.server.history;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.ensemble.protocol.crdt.Snapshot;
import org.ensemble.schema.MetaView;
import org.ensemble.schema.ProjectReader;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.sync.DirectConnection;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.ServerClientIds;

/**
 * A project's versions and what is done with them (documented in {@code docs/history.md}): taking one
 * (a snapshot of the room's document, stored as a small record), listing them with what changed since
 * the one before and by whom, reading one, comparing two, restoring one (wholly or some notes) and the
 * selective rollback. Restores and rollbacks are new edits through {@link Rooms#edit}, made as the
 * person who asked and attributed to them by the ledger like any REST edit; each is preceded by a
 * checkpoint, so that it can itself be undone by restoring that one. Nothing of the past is rewritten.
 */
public final class Versions {
  private static final String ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

  private final Vertx vertx;
  private final Rooms rooms;
  private final Attribution attribution;
  private final VersionStore store;
  private final SecureRandom random = new SecureRandom();
  /**
   * Each project's latest version once known, so that a checkpoint after every pause compares with it
   * without listing the store's keys (the disk store lists its whole directory for that).
   */
  private final Map<String, Version> latest = new java.util.concurrent.ConcurrentHashMap<>();

  public Versions(Vertx vertx, Rooms rooms, Attribution attribution, MetadataStore metadata) {
    this.vertx = vertx;
    this.rooms = rooms;
    this.attribution = attribution;
    this.store = new VersionStore(metadata);
  }

  /**
   * Takes a version of the project as it stands. A checkpoint (any kind but {@link Version.Kind#NAMED})
   * that would repeat the latest version is not taken again: the latest is returned instead.
   */
  public Future<Version> checkpoint(String projectId, Version.Kind kind, String name, UserIdentity by) {
    Context context = vertx.getOrCreateContext();
    return rooms.read(projectId, vertx, Snapshot::of).compose(snapshot -> latest(projectId, context).compose(last -> {
      if (kind != Version.Kind.NAMED && last != null && last.snapshot().equals(snapshot)) {
        return Future.succeededFuture(last);
      }
      Version v = new Version(newId(), projectId, kind, name, by, Instant.now(), snapshot);
      return store.put(v, context).map(x -> {
        latest.merge(projectId, v, (a, b) -> a.id().compareTo(b.id()) >= 0 ? a : b);
        return v;
      });
    }));
  }

  private Future<Version> latest(String projectId, Context context) {
    Version known = latest.get(projectId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return store.list(projectId, context).map(all -> all.isEmpty() ? null : all.get(all.size() - 1));
  }

  /** Every version, newest first, each with what changed since the one before (by whom). */
  public Future<JsonObject> list(String projectId) {
    Context context = vertx.getOrCreateContext();
    return store.list(projectId, context).compose(all -> attribution.read(vertx, projectId, (doc, ledger) -> {
      NoteStates states = new NoteStates(doc);
      JsonArray out = new JsonArray();
      Map<String, NoteStates.PlacedNote> previous = Map.of();
      List<JsonObject> rows = new ArrayList<>();
      for (Version v : all) {
        Map<String, NoteStates.PlacedNote> notes = states.notesAt(v.snapshot());
        rows.add(v.toJson().put("notes", notes.size()).put("changes", Changes.between(previous, notes, ledger).toJson(false)));
        previous = notes;
      }
      Map<String, NoteStates.PlacedNote> current = states.notesAt(states.now());
      for (int i = rows.size() - 1; i >= 0; i--) {
        out.add(rows.get(i));
      }
      return new JsonObject().put("projectId", projectId).put("versions", out)
          .put("sinceLatest", Changes.between(previous, current, ledger).toJson(false));
    }));
  }

  /** One version's settings, tracks and notes, to be shown read-only. */
  public Future<JsonObject> open(String projectId, String versionId) {
    return version(projectId, versionId).compose(v -> attribution.read(vertx, projectId, (doc, ledger) -> {
      NoteStates states = new NoteStates(doc);
      Map<String, NoteStates.PlacedNote> notes = states.notesAt(v.snapshot());
      JsonArray tracks = new JsonArray();
      for (NoteStates.TrackState t : states.tracksAt(v.snapshot()).values()) {
        JsonObject track = new JsonObject(new java.util.LinkedHashMap<>(t.settings()));
        JsonArray list = new JsonArray();
        notes.values().stream().filter(n -> n.trackId().equals(t.id())).forEach(n -> list.add(Changes.noteJson(n)));
        tracks.add(track.put("notes", list));
      }
      return new JsonObject().put("version", v.toJson()).put("meta", new JsonObject(states.metaAt(v.snapshot())))
          .put("tracks", tracks);
    }));
  }

  /** What changed from one version to another ({@code "current"} for the project as it stands), note by note. */
  public Future<JsonObject> compare(String projectId, String fromId, String toId) {
    Future<Version> from = version(projectId, fromId);
    Future<Version> to = "current".equals(toId) ? Future.succeededFuture(null) : version(projectId, toId);
    return Future.all(from, to).compose(both -> attribution.read(vertx, projectId, (doc, ledger) -> {
      NoteStates states = new NoteStates(doc);
      Snapshot b = to.result() == null ? states.now() : to.result().snapshot();
      return new JsonObject().put("from", from.result().toJson())
          .put("to", to.result() == null ? "current" : to.result().toJson())
          .put("changes", Changes.between(states.notesAt(from.result().snapshot()), states.notesAt(b), ledger).toJson(true));
    }));
  }

  /**
   * Restores a version as {@code by}'s new edit: the whole of it (settings, tracks and notes), or only the notes
   * named in {@code onlyNotes} (how a rollback is undone). A checkpoint is taken first.
   */
  public Future<JsonObject> restore(String projectId, String versionId, UserIdentity by, Set<String> onlyNotes) {
    return version(projectId, versionId).compose(v -> checkpoint(projectId, Version.Kind.BEFORE_RESTORE, null, by)
        .compose(before -> attribution.read(vertx, projectId, (doc, ledger) -> {
          NoteStates states = new NoteStates(doc);
          Map<String, NoteStates.PlacedNote> notes = states.notesAt(v.snapshot());
          List<NoteTargets.Target> targets = new ArrayList<>();
          if (onlyNotes == null) {
            notes.values().forEach(n -> targets.add(new NoteTargets.Target(n.note().id(), n.trackId(), n.note())));
            return new Plan(states.tracksAt(v.snapshot()), targets, states.metaAt(v.snapshot()));
          }
          for (String id : onlyNotes) {
            NoteStates.PlacedNote n = notes.get(id);
            targets.add(new NoteTargets.Target(id, n == null ? null : n.trackId(), n == null ? null : n.note()));
          }
          return new Plan(null, targets, null);
        }).compose(plan -> edit(projectId, by, plan)).map(outcome -> outcomeJson(outcome)
            .put("restored", v.toJson()).put("before", before.toJson()))));
  }

  /** A selective rollback as {@code by}'s edit (see {@link RollbackPlan}); a checkpoint is taken first. */
  public Future<JsonObject> rollback(String projectId, UserIdentity by, String author, String trackId,
                                     Integer fromBar, Integer toBar) {
    return rooms.read(projectId, vertx, doc -> ProjectReader.read(doc).view().meta()).compose(meta -> {
      long bar = ticksPerBar(meta);
      long from = fromBar == null ? 0 : (fromBar - 1L) * bar;
      long to = toBar == null ? Long.MAX_VALUE : toBar * bar;
      RollbackPlan.Filter filter = new RollbackPlan.Filter(author, trackId, from, to);
      return checkpoint(projectId, Version.Kind.BEFORE_ROLLBACK, null, by).compose(before -> {
        AtomicReference<RollbackPlan> made = new AtomicReference<>();
        return attribution.read(vertx, projectId, (doc, ledger) -> {
          RollbackPlan plan = RollbackPlan.of(new NoteStates(doc), ledger, filter);
          made.set(plan);
          return new Plan(null, plan.targets, null);
        }).compose(plan -> edit(projectId, by, plan)).map(outcome -> {
          RollbackPlan plan = made.get();
          return outcomeJson(outcome).put("before", before.toJson()).put("removed", plan.removals)
              .put("restored", plan.restorations).put("reverted", plan.reversions)
              .put("notes", new JsonArray(plan.noteIds()))
              .put("undo", new JsonObject().put("version", before.id()).put("notes", new JsonArray(plan.noteIds())));
        });
      });
    });
  }

  /** Deletes every version of a project (with the project). */
  public Future<Void> deleteAll(String projectId) {
    latest.remove(projectId);
    return store.deleteAll(projectId, vertx.getOrCreateContext()).onComplete(x -> latest.remove(projectId));
  }

  /** The bytes a project's version records take. */
  public Future<Long> storedBytes(String projectId) {
    return store.storedBytes(projectId, vertx.getOrCreateContext());
  }

  /** What an edit sets: the tracks (a whole restore), the notes, and the settings (a whole restore; else null). */
  private record Plan(Map<String, NoteStates.TrackState> tracks, List<NoteTargets.Target> targets, Map<String, Object> meta) {}

  private record Edited(NoteTargets.Outcome notes, List<String> settings) {}

  private Future<Edited> edit(String projectId, UserIdentity by, Plan plan) {
    AtomicReference<Edited> outcome = new AtomicReference<>(new Edited(new NoteTargets.Outcome(0, 0, 0, 0, 0), List.of()));
    return rooms.edit(projectId, new DirectConnection(by), ServerClientIds.API_EDITS,
        doc -> outcome.set(new Edited(NoteTargets.apply(doc, plan.tracks(), plan.targets()),
            plan.meta() == null ? List.of() : SettingsTarget.apply(doc, plan.meta())))).map(u -> outcome.get());
  }

  private static JsonObject outcomeJson(Edited e) {
    NoteTargets.Outcome o = e.notes();
    return new JsonObject().put("edit", new JsonObject().put("notesAdded", o.added()).put("notesRemoved", o.removed())
        .put("notesChanged", o.changed()).put("tracksAdded", o.tracksAdded()).put("tracksRemoved", o.tracksRemoved())
        .put("settingsChanged", new JsonArray(e.settings())));
  }

  private static long ticksPerBar(MetaView meta) {
    return meta.timeSignature().ticksPerBar(meta.ticksPerQuarter());
  }

  private Future<Version> version(String projectId, String versionId) {
    return store.get(projectId, versionId, vertx.getOrCreateContext())
        .map(v -> v.orElseThrow(() -> new NoSuchElementException("no version " + versionId + " of this project")));
  }

  private String newId() {
    StringBuilder sb = new StringBuilder(String.format("%013d-", System.currentTimeMillis()));
    for (int i = 0; i < 4; i++) {
      sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return sb.toString();
  }
}
