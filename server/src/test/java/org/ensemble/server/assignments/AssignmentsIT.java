package org.ensemble.server.assignments;

import static org.ensemble.server.testing.Notes.find;
import static org.ensemble.server.testing.Notes.note;
import static org.ensemble.server.testing.Notes.notesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.attribution.AiEdits;
import org.ensemble.server.attribution.AiProvenance;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.config.GenerationConfig;
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
 * Assignments through the API: a teacher hands a chorale to two students with the AI off, each gets
 * a copy as its editor, an AI request in a copy is refused with the reason, one student plants
 * parallel fifths and submits, the other's copy holds accepted AI notes, and the teacher's overview
 * shows both with the right shares and findings. The hints policy: one voice at a time, a limited
 * number of requests. (Generation itself is off in this server: an admitted request gets its 503.)
 */
@ExtendWith(VertxExtension.class)
class AssignmentsIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String teacher;
  private String ann;
  private String ben;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.config(dir)
        .withGeneration(new GenerationConfig(GenerationConfig.Load.OFF, dir.resolve("no-model"), 1, 4, 2)));
    teacher = server.token("Teacher");
    ann = server.token("ann");
    ben = server.token("ben");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aClassGetsCopiesTheAiPolicyIsEnforcedAndTheOverviewTellsWhoWroteWhat(Vertx vertx) throws Exception {
    String source = server.createProject(teacher, new JsonObject().put("title", "Week 5").put("template", "four-part-chorale")
        .put("key", "G major"));
    JsonObject assignment = call("POST", "/api/projects/" + source + "/assignments", teacher, new JsonObject()
        .put("instructions", "Harmonize the melody in four parts.").put("aiPolicy", "off")
        .put("rules", new JsonArray(List.of("parallel-fifths", "parallel-octaves")))
        .put("students", new JsonArray(List.of(new JsonObject().put("id", "ann").put("name", "Ann"),
            new JsonObject().put("id", "ben").put("name", "Ben")))), 201);
    JsonArray copies = assignment.getJsonArray("copies");
    assertEquals(2, copies.size());
    String annCopy = copies.getJsonObject(0).getString("projectId");
    String benCopy = copies.getJsonObject(1).getString("projectId");
    assertEquals("editor", call("GET", "/api/projects/" + annCopy, ann, null, 200).getString("role"));
    assertEquals("owner", call("GET", "/api/projects/" + annCopy, teacher, null, 200).getString("role"));
    assertEquals(403, server.call("GET", "/api/projects/" + benCopy, ann, null).status(), "students see only their own copy");
    assertEquals("Harmonize the melody in four parts.",
        call("GET", "/api/projects/" + annCopy + "/assignment", ann, null, 200).getString("instructions"));

    Response refused = server.call("POST", "/api/projects/" + annCopy + "/generate", ann, new JsonObject().put("mode", "harmonize")
        .put("region", new JsonObject().put("startBar", 0).put("endBar", 1)));
    assertEquals(403, refused.status(), refused.text());
    assertTrue(refused.body().getString("error").contains("the AI co-writer is off for this assignment"), refused.text());

    // Ann plants parallel fifths (tenor over bass, as in PartWritingApiIT) and adds a note of her own.
    try (SyncClient studio = SyncClient.connectAndWait(vertx, server.port(), annCopy, ann).awaitSynced()) {
      studio.edit(doc -> {
        find(doc, "tenor-0").set("pitch", 50);
        find(doc, "tenor-1").set("pitch", 55);
        find(doc, "tenor-2").set("pitch", 54);
        notesOf(doc, "soprano").push(List.of(note("ann-1", 74, 3840)));
      });
      Eventually.await(() -> server.call("GET", "/api/projects/" + annCopy + "/attribution/notes/ann-1", teacher, null).status() == 200,
          () -> "ann's edit stored");
    }
    // Ben's copy holds two AI notes (accepted before the policy was in place, as a server-side edit).
    AiEdits.accept(server.rooms(), benCopy, new AiProvenance("chorale-1", "test", "{}", "ben", "s1"), new UserIdentity("ben", "Ben"),
        false, doc -> notesOf(doc, "alto").push(List.of(note("ai-1", 62, 3840), note("ai-2", 64, 4320))))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(403, server.call("POST", "/api/projects/" + annCopy + "/submit", teacher, new JsonObject()).status(),
        "only the student submits");
    call("POST", "/api/projects/" + annCopy + "/submit", ann, new JsonObject(), 200);

    assertEquals(403, server.call("GET", "/api/assignments/" + assignment.getString("id") + "/overview", ann, null).status());
    JsonObject overview = call("GET", "/api/assignments/" + assignment.getString("id") + "/overview", teacher, null, 200);
    JsonObject annRow = overview.getJsonArray("students").getJsonObject(0);
    JsonObject benRow = overview.getJsonArray("students").getJsonObject(1);
    assertEquals("ann", annRow.getJsonObject("student").getString("id"));
    assertEquals(true, annRow.getBoolean("submitted"));
    assertEquals(false, benRow.getBoolean("submitted"));
    assertEquals(new JsonObject().put("student", 1).put("ai", 0).put("given", 16), annRow.getJsonObject("notes"), annRow.encode());
    assertEquals(1.0, annRow.getJsonObject("share").getDouble("human"));
    assertEquals(new JsonObject().put("student", 0).put("ai", 2).put("given", 16), benRow.getJsonObject("notes"), benRow.encode());
    assertEquals(1.0, benRow.getJsonObject("share").getDouble("ai"));
    assertEquals(1, annRow.getJsonObject("partWriting").getJsonObject("counts").getInteger("parallel-fifths"), annRow.encode());
    assertEquals(0, benRow.getJsonObject("partWriting").getJsonObject("counts").getInteger("parallel-fifths"));
    assertEquals(List.of("parallel-fifths", "parallel-octaves"),
        annRow.getJsonObject("partWriting").getJsonObject("counts").fieldNames().stream().sorted().toList());
  }

  @Test
  void hintsAllowOneVoiceAtATimeAndALimitedNumberOfRequests() throws Exception {
    String source = server.createProject(teacher, new JsonObject().put("title", "Week 6").put("template", "four-part-chorale"));
    JsonObject assignment = call("POST", "/api/projects/" + source + "/assignments", teacher, new JsonObject()
        .put("aiPolicy", "hints").put("aiHintLimit", 1)
        .put("students", new JsonArray(List.of(new JsonObject().put("id", "ann").put("name", "Ann")))), 201);
    String copy = assignment.getJsonArray("copies").getJsonObject(0).getString("projectId");
    String path = "/api/projects/" + copy + "/generate";
    Response two = server.call("POST", path, ann, request(List.of("alto", "tenor")));
    assertEquals(403, two.status(), two.text());
    assertTrue(two.body().getString("error").contains("one voice at a time"), two.text());
    Response one = server.call("POST", path, ann, request(List.of("alto")));
    assertEquals(503, one.status(), "admitted by the policy, then refused by this server's switched-off AI: " + one.text());
    Response again = server.call("POST", path, ann, request(List.of("tenor")));
    assertEquals(403, again.status(), again.text());
    assertTrue(again.body().getString("error").contains("all 1 have been used"), again.text());
    assertEquals(1, call("GET", "/api/assignments/" + assignment.getString("id"), teacher, null, 200)
        .getJsonArray("copies").getJsonObject(0).getInteger("aiRequests"));
  }

  @Test
  void badAssignmentsAreRefusedWithTheReason() throws Exception {
    String source = server.createProject(teacher, new JsonObject().put("title", "Week 7"));
    JsonArray students = new JsonArray(List.of(new JsonObject().put("id", "ann")));
    String path = "/api/projects/" + source + "/assignments";
    assertEquals(403, server.call("POST", path, ann, new JsonObject().put("aiPolicy", "off").put("students", students)).status());
    for (JsonObject[] bad : List.of(
        new JsonObject[] {new JsonObject().put("aiPolicy", "sometimes").put("students", students), new JsonObject().put("e", "aiPolicy")},
        new JsonObject[] {new JsonObject().put("aiPolicy", "off"), new JsonObject().put("e", "students must list")},
        new JsonObject[] {new JsonObject().put("aiPolicy", "off").put("students", students).put("rules", new JsonArray(List.of("fourths"))),
            new JsonObject().put("e", "unknown rule fourths")})) {
      Response r = server.call("POST", path, teacher, bad[0]);
      assertEquals(400, r.status(), r.text());
      assertTrue(r.body().getString("error").contains(bad[1].getString("e")), r.text());
    }
    assertEquals(0, call("GET", "/api/assignments", teacher, null, 200).getJsonArray("assignments").size());
  }

  private static JsonObject request(List<String> voices) {
    return new JsonObject().put("mode", "harmonize").put("region", new JsonObject().put("startBar", 0).put("endBar", 1)
        .put("voices", new JsonArray(voices)));
  }

  private JsonObject call(String method, String path, String token, JsonObject body, int status) {
    Response r = server.call(method, path, token, body);
    assertEquals(status, r.status(), method + " " + path + ": " + r.text());
    return r.body();
  }
}
