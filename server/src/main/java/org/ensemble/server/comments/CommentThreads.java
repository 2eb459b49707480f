package org.ensemble.server.comments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.server.auth.UserIdentity;

/**
 * Comment threads as they live in the project's document (docs/document-schema.md, {@code comments}):
 * the root map {@code comments} from a thread id to a map with its {@code anchor} (a JSON value: notes
 * of a track, or a range of bars of a track), {@code createdAt}, {@code resolved} and who resolved it
 * when, and {@code messages}, a {@code Y.Array} of JSON messages {@code {id, author: {id, name}, time,
 * text}} appended one by one. Being in the document, a comment reaches every open studio as any edit
 * does, on whatever node holds the room. These functions run inside {@code Rooms.edit} or
 * {@code Rooms.read}; they check what they are given against the document and throw
 * {@link IllegalArgumentException} with the reason.
 */
final class CommentThreads {
  private CommentThreads() {}

  /** The anchor as given by a client, checked against the document: the track exists, the notes are in it. */
  static Map<String, Object> anchor(Doc doc, JsonObject given) {
    String trackId = given.getValue("track") instanceof String s ? s : null;
    YMap track = trackId == null ? null : track(doc, trackId);
    if (track == null) {
      throw new IllegalArgumentException("anchor.track must name a track of the project");
    }
    Map<String, Object> anchor = new LinkedHashMap<>();
    anchor.put("track", trackId);
    Object notes = given.getValue("notes");
    if (notes != null) {
      if (!(notes instanceof JsonArray list) || list.isEmpty() || list.size() > 64) {
        throw new IllegalArgumentException("anchor.notes must list 1 to 64 note ids");
      }
      Set<String> present = noteIds(track);
      List<Object> ids = new ArrayList<>();
      for (Object id : list) {
        if (!(id instanceof String s) || !present.contains(s)) {
          throw new IllegalArgumentException("anchor.notes: no note " + id + " in track " + trackId);
        }
        ids.add(s);
      }
      anchor.put("notes", ids);
      return anchor;
    }
    if (!(given.getValue("fromBar") instanceof Integer from) || !(given.getValue("toBar") instanceof Integer to)
        || from < 1 || to < from || to > 100_000) {
      throw new IllegalArgumentException("an anchor names notes (anchor.notes) or bars (anchor.fromBar and anchor.toBar, from 1)");
    }
    anchor.put("fromBar", from);
    anchor.put("toBar", to);
    return anchor;
  }

  static void create(Doc doc, String threadId, Map<String, Object> anchor, Map<String, Object> message) {
    YMap thread = new YMap();
    thread.set("id", threadId);
    thread.set("anchor", anchor);
    thread.set("createdAt", message.get("time"));
    thread.set("resolved", false);
    YArray messages = new YArray();
    thread.set("messages", messages);
    doc.getMap(ProjectSchema.COMMENTS).set(threadId, thread);
    messages.push(List.of(message));
  }

  static void reply(Doc doc, String threadId, Map<String, Object> message) {
    if (!(thread(doc, threadId).get("messages") instanceof YArray messages)) {
      throw new IllegalStateException("thread " + threadId + " has no messages");
    }
    messages.push(List.of(message));
  }

  static void resolve(Doc doc, String threadId, boolean resolved, UserIdentity by, Instant at) {
    YMap thread = thread(doc, threadId);
    thread.set("resolved", resolved);
    thread.set("resolvedBy", resolved ? who(by) : null);
    thread.set("resolvedAt", resolved ? at.toString() : null);
  }

  /** Who started the thread (the first message's author id), or null. */
  static String startedBy(Doc doc, String threadId) {
    if (thread(doc, threadId).get("messages") instanceof YArray m && m.length() > 0 && m.get(0) instanceof Map<?, ?> first
        && first.get("author") instanceof Map<?, ?> author) {
      return (String) author.get("id");
    }
    return null;
  }

  static YMap thread(Doc doc, String threadId) {
    if (!doc.rootNames().contains(ProjectSchema.COMMENTS)
        || !(doc.getMap(ProjectSchema.COMMENTS).get(threadId) instanceof YMap thread)) {
      throw new java.util.NoSuchElementException("no comment thread " + threadId + " in this project");
    }
    return thread;
  }

  static Map<String, Object> message(String id, UserIdentity author, Instant time, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("author", who(author));
    m.put("time", time.toString());
    m.put("text", text);
    return m;
  }

  /** Every thread as JSON, with {@code anchorState}: {@code present}, or which anchored notes or track are gone. */
  static JsonObject list(Doc doc) {
    List<JsonObject> out = new ArrayList<>();
    if (doc.rootNames().contains(ProjectSchema.COMMENTS)) {
      YMap comments = doc.getMap(ProjectSchema.COMMENTS);
      for (String id : comments.keys()) {
        if (comments.get(id) instanceof YMap thread) {
          JsonObject t = new JsonObject(thread.toJSON());
          out.add(t.put("anchorState", anchorState(doc, t.getJsonObject("anchor"))));
        }
      }
    }
    out.sort(java.util.Comparator.comparing(t -> String.valueOf(t.getValue("createdAt"))));
    return new JsonObject().put("threads", new JsonArray(new ArrayList<>(out)));
  }

  private static JsonObject anchorState(Doc doc, JsonObject anchor) {
    YMap track = anchor == null ? null : track(doc, anchor.getString("track"));
    if (track == null) {
      return new JsonObject().put("state", "track-deleted");
    }
    JsonArray notes = anchor.getJsonArray("notes");
    if (notes == null) {
      return new JsonObject().put("state", "present");
    }
    Set<String> present = noteIds(track);
    JsonArray deleted = new JsonArray();
    notes.forEach(n -> {
      if (!present.contains(n)) {
        deleted.add(n);
      }
    });
    return new JsonObject().put("state", deleted.isEmpty() ? "present" : deleted.size() == notes.size() ? "notes-deleted"
        : "some-notes-deleted").put("deletedNotes", deleted);
  }

  private static Map<String, Object> who(UserIdentity u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("name", u.name());
    return m;
  }

  private static YMap track(Doc doc, String trackId) {
    if (trackId == null || !doc.rootNames().contains(ProjectSchema.TRACKS)) {
      return null;
    }
    for (Object t : doc.getArray(ProjectSchema.TRACKS)) {
      if (t instanceof YMap m && trackId.equals(m.get(ProjectSchema.Track.ID))) {
        return m;
      }
    }
    return null;
  }

  private static Set<String> noteIds(YMap track) {
    Set<String> ids = new HashSet<>();
    if (track.get(ProjectSchema.Track.NOTES) instanceof YArray notes) {
      for (Object n : notes) {
        if (n instanceof YMap m && m.get(ProjectSchema.Note.ID) instanceof String id) {
          ids.add(id);
        }
      }
    }
    return ids;
  }
}
