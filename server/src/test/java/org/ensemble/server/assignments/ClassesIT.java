package org.ensemble.server.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.server.testing.TestServer;
import org.ensemble.server.testing.TestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes through the API: a teacher makes a class, renames it, adds and removes students, lists and
 * deletes it; another teacher (or a student) can neither read nor change it; bad input is refused with
 * the reason and changes nothing.
 */
@ExtendWith(VertxExtension.class)
class ClassesIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String teacher;
  private String other;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.config(dir));
    teacher = server.token("Teacher");
    other = server.token("Other");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void theTeacherMakesRenamesFillsAndDeletesAClass() {
    JsonObject made = call("POST", "/api/classes", teacher, new JsonObject().put("name", " 5B harmony ")
        .put("students", students("ann", "Ann", "ben", "Ben")), 201);
    String id = made.getString("id");
    assertEquals("5B harmony", made.getString("name"));
    assertEquals(List.of("ann", "ben"), ids(made));

    assertEquals("Harmony 5B", call("PATCH", "/api/classes/" + id, teacher, new JsonObject().put("name", "Harmony 5B"), 200)
        .getString("name"));
    JsonObject added = call("POST", "/api/classes/" + id + "/students", teacher,
        new JsonObject().put("students", students("cleo", "Cleo", "ann", "Ann K.")), 200);
    assertEquals(List.of("ann", "ben", "cleo"), ids(added), "one already there keeps their place");
    assertEquals("Ann K.", added.getJsonArray("students").getJsonObject(0).getString("name"));
    assertEquals(List.of("ann", "cleo"), ids(call("DELETE", "/api/classes/" + id + "/students/ben", teacher, null, 200)));
    refused("DELETE", "/api/classes/" + id + "/students/ben", teacher, null, 404, "no student ben");

    call("POST", "/api/classes", teacher, new JsonObject().put("name", "Choir"), 201);
    JsonArray mine = call("GET", "/api/classes", teacher, null, 200).getJsonArray("classes");
    assertEquals(List.of("Choir", "Harmony 5B"), mine.stream().map(c -> ((JsonObject) c).getString("name")).toList(), "by name");
    assertEquals(0, call("GET", "/api/classes", other, null, 200).getJsonArray("classes").size(), "another teacher's list");

    assertEquals(204, server.call("DELETE", "/api/classes/" + id, teacher, null).status());
    refused("GET", "/api/classes/" + id, teacher, null, 404, "no class");
    assertEquals(1, call("GET", "/api/classes", teacher, null, 200).getJsonArray("classes").size());
  }

  @Test
  void onlyItsTeacherReadsOrChangesAClass() {
    String id = call("POST", "/api/classes", teacher, new JsonObject().put("name", "Mine")
        .put("students", students("ann", "Ann")), 201).getString("id");
    String only = "only the teacher who made a class";
    refused("GET", "/api/classes/" + id, other, null, 403, only);
    refused("PATCH", "/api/classes/" + id, other, new JsonObject().put("name", "Theirs"), 403, only);
    refused("POST", "/api/classes/" + id + "/students", other, new JsonObject().put("students", students("eve", "Eve")), 403, only);
    refused("DELETE", "/api/classes/" + id + "/students/ann", other, null, 403, only);
    refused("DELETE", "/api/classes/" + id, other, null, 403, only);
    refused("GET", "/api/classes/" + id, null, null, 401, "");
    JsonObject unchanged = call("GET", "/api/classes/" + id, teacher, null, 200);
    assertEquals("Mine", unchanged.getString("name"));
    assertEquals(List.of("ann"), ids(unchanged));
  }

  @Test
  void badInputIsRefusedWithTheReasonAndChangesNothing() {
    refused("POST", "/api/classes", teacher, new JsonObject(), 400, "a class needs a name of 1 to 100 characters");
    refused("POST", "/api/classes", teacher, new JsonObject().put("name", "x".repeat(101)), 400, "1 to 100 characters");
    refused("POST", "/api/classes", teacher, new JsonObject().put("name", "A").put("students", "ann"), 400,
        "students must list 0 to 200 students");
    refused("POST", "/api/classes", teacher, new JsonObject().put("name", "A").put("students", students("Ann Smith", "Ann")), 400,
        "an id of 1 to 64 lower-case letters");
    refused("POST", "/api/classes", teacher, new JsonObject().put("name", "A").put("students", students("teacher", "Me")), 400,
        "student teacher is the teacher or listed twice");
    refused("POST", "/api/classes", teacher, new JsonObject().put("name", "A").put("students", students("ann", "Ann", "ann", "Ann")), 400,
        "listed twice");
    assertEquals(0, call("GET", "/api/classes", teacher, null, 200).getJsonArray("classes").size(), "nothing was made");

    String id = call("POST", "/api/classes", teacher, new JsonObject().put("name", "Kept").put("students", students("ann", "Ann")), 201)
        .getString("id");
    refused("PATCH", "/api/classes/" + id, teacher, new JsonObject().put("name", "  "), 400, "a class needs a name");
    refused("POST", "/api/classes/" + id + "/students", teacher, new JsonObject().put("students", new JsonArray()), 400,
        "students must list 1 to 200");
    Response notJson = server.call("PATCH", "/api/classes/" + id, teacher, null);
    assertEquals(400, notJson.status(), notJson.text());
    refused("GET", "/api/classes/cnothere", teacher, null, 404, "no class cnothere");
    JsonObject kept = call("GET", "/api/classes/" + id, teacher, null, 200);
    assertEquals("Kept", kept.getString("name"));
    assertEquals(List.of("ann"), ids(kept));
  }

  private static JsonArray students(String... idsAndNames) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < idsAndNames.length; i += 2) {
      out.add(new JsonObject().put("id", idsAndNames[i]).put("name", idsAndNames[i + 1]));
    }
    return out;
  }

  private static List<String> ids(JsonObject c) {
    return c.getJsonArray("students").stream().map(s -> ((JsonObject) s).getString("id")).toList();
  }

  private void refused(String method, String path, String token, JsonObject body, int status, String reason) {
    Response r = server.call(method, path, token, body);
    assertEquals(status, r.status(), method + " " + path + ": " + r.text());
    assertTrue(r.text().contains(reason), r.text());
  }

  private JsonObject call(String method, String path, String token, JsonObject body, int status) {
    Response r = server.call(method, path, token, body);
    assertEquals(status, r.status(), method + " " + path + ": " + r.text());
    return r.body();
  }
}
