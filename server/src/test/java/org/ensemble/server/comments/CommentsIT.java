package org.ensemble.server.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.ensemble.server.testing.TestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments through the API, with an editor connected through a real sync client who sees them arrive
 * in the document live: a viewer starts a thread, an editor answers, who may resolve and reopen it, a
 * comment whose note was deleted says so, and bad input is refused with the reason.
 */
@ExtendWith(VertxExtension.class)
class CommentsIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String owner;
  private String bob;
  private String vic;
  private String wes;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    owner = server.token("Olga");
    bob = server.token("bob");
    vic = server.token("vic");
    wes = server.token("wes");
    project = server.createProject(owner, new JsonObject().put("title", "Class example").put("template", "four-part-chorale"));
    server.addMember(owner, project, "bob", "editor");
    server.addMember(owner, project, "vic", "viewer");
    server.addMember(owner, project, "wes", "viewer");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aViewersCommentReachesAnOpenStudioLiveAndIsAnsweredResolvedAndReopened(Vertx vertx) throws Exception {
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      String thread = call("POST", "", vic, new JsonObject().put("text", "Why does the tenor leap here?")
          .put("anchor", new JsonObject().put("track", "tenor").put("fromBar", 1).put("toBar", 2)), 201).getString("id");
      Eventually.await(() -> studio.read(doc -> doc.getMap("comments").toJSON().toString()).contains("Why does the tenor leap here?"),
          () -> "the comment in bob's document: " + studio.read(doc -> doc.getMap("comments").toJSON()));
      call("POST", "/" + thread + "/replies", bob, new JsonObject().put("text", "To reach the G."), 201);
      Eventually.await(() -> studio.read(doc -> ((YArray) ((YMap) doc.getMap("comments").get(thread)).get("messages")).length()) == 2,
          () -> "the reply arrives");

      JsonObject listed = call("GET", "", wes, null, 200).getJsonArray("threads").getJsonObject(0);
      assertEquals(new JsonObject().put("track", "tenor").put("fromBar", 1).put("toBar", 2), listed.getJsonObject("anchor"));
      JsonArray messages = listed.getJsonArray("messages");
      assertEquals("vic", messages.getJsonObject(0).getJsonObject("author").getString("id"));
      assertEquals("bob", messages.getJsonObject(1).getJsonObject("author").getString("id"));
      assertTrue(messages.getJsonObject(1).getString("time").endsWith("Z"), messages.encode());
      assertEquals("present", listed.getJsonObject("anchorState").getString("state"));

      Response notTheirs = server.call("PUT", base() + "/" + thread + "/resolved", wes, new JsonObject().put("resolved", true));
      assertEquals(403, notTheirs.status(), notTheirs.text());
      assertTrue(notTheirs.body().getString("error").contains("only whoever started a thread"), notTheirs.text());
      call("PUT", "/" + thread + "/resolved", vic, new JsonObject().put("resolved", true), 200);
      Eventually.await(() -> Boolean.TRUE.equals(studio.read(doc -> ((YMap) doc.getMap("comments").get(thread)).get("resolved"))),
          () -> "resolved, live");
      JsonObject resolved = call("GET", "", owner, null, 200).getJsonArray("threads").getJsonObject(0);
      assertEquals("vic", resolved.getJsonObject("resolvedBy").getString("id"));
      call("PUT", "/" + thread + "/resolved", bob, new JsonObject().put("resolved", false), 200);
      assertEquals(false, call("GET", "", owner, null, 200).getJsonArray("threads").getJsonObject(0).getBoolean("resolved"));
    }
  }

  @Test
  void aCommentOnADeletedNoteSaysSo(Vertx vertx) throws Exception {
    call("POST", "", vic, new JsonObject().put("text", "Nice suspension").put("anchor",
        new JsonObject().put("track", "alto").put("notes", new JsonArray(List.of("alto-1")))), 201);
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), project, bob).awaitSynced()) {
      studio.edit(doc -> {
        for (Object t : doc.getArray("tracks")) {
          YArray notes = (YArray) ((YMap) t).get("notes");
          for (int i = 0; i < notes.length(); i++) {
            if ("alto-1".equals(((YMap) notes.get(i)).get("id"))) {
              notes.delete(i);
              return;
            }
          }
        }
      });
      Eventually.await(() -> "notes-deleted".equals(call("GET", "", vic, null, 200).getJsonArray("threads").getJsonObject(0)
          .getJsonObject("anchorState").getString("state")), () -> "the anchor's note is gone");
    }
    JsonObject state = call("GET", "", vic, null, 200).getJsonArray("threads").getJsonObject(0).getJsonObject("anchorState");
    assertEquals(new JsonArray(List.of("alto-1")), state.getJsonArray("deletedNotes"));
    call("POST", "", vic, new JsonObject().put("text", "A second thread").put("anchor",
        new JsonObject().put("track", "alto").put("fromBar", 2).put("toBar", 2)), 201);
    JsonArray both = call("GET", "", vic, null, 200).getJsonArray("threads");
    assertEquals(List.of("Nice suspension", "A second thread"), both.stream()
        .map(t -> ((JsonObject) t).getJsonArray("messages").getJsonObject(0).getString("text")).toList(), "oldest first");
  }

  @Test
  void badCommentsAndStrangersAreRefusedWithTheReason() throws Exception {
    String stranger = server.token("stranger");
    JsonObject anchor = new JsonObject().put("track", "tenor").put("fromBar", 1).put("toBar", 1);
    assertEquals(403, server.call("POST", base(), stranger, new JsonObject().put("text", "hi").put("anchor", anchor)).status());
    assertEquals(403, server.call("GET", base(), stranger, null).status());
    Map<JsonObject, String> bad = Map.of(
        new JsonObject().put("text", "  ").put("anchor", anchor), "1 to 2000 characters",
        new JsonObject().put("text", "x".repeat(2001)).put("anchor", anchor), "1 to 2000 characters",
        new JsonObject().put("text", "hi"), "anchor is needed",
        new JsonObject().put("text", "hi").put("anchor", new JsonObject().put("track", "lute").put("fromBar", 1).put("toBar", 1)),
        "must name a track",
        new JsonObject().put("text", "hi").put("anchor", new JsonObject().put("track", "tenor").put("notes", new JsonArray(List.of("x")))),
        "no note x in track tenor",
        new JsonObject().put("text", "hi").put("anchor", new JsonObject().put("track", "tenor").put("fromBar", 3).put("toBar", 2)),
        "names notes");
    bad.forEach((body, reason) -> {
      Response r = server.call("POST", base(), vic, body);
      assertEquals(400, r.status(), r.text());
      assertTrue(r.body().getString("error").contains(reason), r.text());
    });
    assertEquals(404, server.call("POST", base() + "/cnothere/replies", vic, new JsonObject().put("text", "hi")).status());
    assertEquals(0, call("GET", "", vic, null, 200).getJsonArray("threads").size(), "nothing of the refused comments stored");
  }

  private String base() {
    return "/api/projects/" + project + "/comments";
  }

  private JsonObject call(String method, String path, String token, JsonObject body, int status) {
    Response r = server.call(method, base() + path, token, body);
    assertEquals(status, r.status(), method + " " + path + ": " + r.text());
    return r.body();
  }
}
