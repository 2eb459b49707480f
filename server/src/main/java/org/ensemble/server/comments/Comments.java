package org.ensemble.server.comments;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.DirectConnection;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.ServerClientIds;

/**
 * Comment threads on a project's notes or bars (documented in {@code docs/comments.md}): started,
 * answered, resolved and reopened by members (viewers included) through the server, which writes them
 * into the project's document as the member's own edit ({@link Rooms#edit}), so that every open studio
 * sees them at once. Who may do what is decided by the caller ({@code http/CommentRoutes}).
 */
public final class Comments {
  /** The longest message, in characters. */
  public static final int MAX_TEXT = 2000;

  private final Vertx vertx;
  private final Rooms rooms;
  private final SecureRandom random = new SecureRandom();

  public Comments(Vertx vertx, Rooms rooms) {
    this.vertx = vertx;
    this.rooms = rooms;
  }

  /** Every thread of the project, each with whether its anchor still stands. */
  public Future<JsonObject> list(String projectId) {
    return rooms.read(projectId, vertx, CommentThreads::list);
  }

  /** Starts a thread on {@code anchor} ({@code {track, notes}} or {@code {track, fromBar, toBar}}); completes with its id. */
  public Future<String> start(String projectId, UserIdentity by, JsonObject anchor, String text) {
    String id = newId("c");
    return checked(text).compose(checked -> rooms.edit(projectId, new DirectConnection(by), ServerClientIds.API_EDITS,
        doc -> CommentThreads.create(doc, id, CommentThreads.anchor(doc, anchor),
            CommentThreads.message(newId("m"), by, Instant.now(), checked)))).map(id);
  }

  public Future<Void> reply(String projectId, String threadId, UserIdentity by, String text) {
    return checked(text).compose(checked -> rooms.edit(projectId, new DirectConnection(by), ServerClientIds.API_EDITS,
        doc -> CommentThreads.reply(doc, threadId, CommentThreads.message(newId("m"), by, Instant.now(), checked))))
        .mapEmpty();
  }

  /** Who started a thread (to decide who may resolve it). */
  public Future<String> startedBy(String projectId, String threadId) {
    AtomicReference<String> who = new AtomicReference<>();
    return rooms.read(projectId, vertx, doc -> {
      who.set(CommentThreads.startedBy(doc, threadId));
      return who.get() == null ? "" : who.get();
    });
  }

  public Future<Void> resolve(String projectId, String threadId, UserIdentity by, boolean resolved) {
    return rooms.edit(projectId, new DirectConnection(by), ServerClientIds.API_EDITS, doc ->
        CommentThreads.resolve(doc, threadId, resolved, by, Instant.now())).mapEmpty();
  }

  /** The text as stored, or a failed future saying why it cannot be (answered with 400). */
  private static Future<String> checked(String text) {
    try {
      return Future.succeededFuture(text(text));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  private static String text(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.length() > MAX_TEXT) {
      throw new IllegalArgumentException("a comment has 1 to " + MAX_TEXT + " characters");
    }
    if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw new IllegalArgumentException("a comment cannot hold control characters other than line breaks and tabs");
    }
    return t;
  }

  private String newId(String prefix) {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }
}
