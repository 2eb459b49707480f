package org.ensemble.server.assignments;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.store.MetadataStore;

/**
 * Classes (documented in {@code docs/assignments.md}): named lists of students a teacher keeps between
 * assignments, to pick one at hand-out. Only the teacher who made a class reads or changes it. A record
 * a class in the metadata store, {@code classes/<id>}: {@code {"id", "teacher", "name", "students",
 * "createdAt"}}; changes to one class are made one at a time.
 */
public final class Classes {
  static final String PREFIX = "classes/";
  public static final int MAX_STUDENTS = Assignments.MAX_STUDENTS;
  public static final int MAX_NAME = 100;

  private final JsonRecords records;

  public Classes(Vertx vertx, MetadataStore store) {
    this.records = new JsonRecords(vertx, store);
  }

  /** A new class from {@code {"name", "students"?: [{"id", "name"}]}}. */
  public Future<JsonObject> create(UserIdentity teacher, JsonObject body) {
    JsonObject record;
    try {
      List<UserIdentity> students = body.getValue("students") == null ? List.of()
          : Students.parse(body.getValue("students"), teacher, -MAX_STUDENTS);
      record = new JsonObject().put("id", JsonRecords.newId('c')).put("teacher", Assignment.who(teacher)).put("name", name(body))
          .put("students", toJson(students)).put("createdAt", Instant.now().toString());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return records.put(PREFIX + record.getString("id"), record).map(v -> record);
  }

  /** The teacher's classes, by name. */
  public Future<JsonObject> mine(UserIdentity teacher) {
    return records.keys(PREFIX).compose(keys -> {
      List<Future<JsonObject>> all = new ArrayList<>();
      keys.forEach(k -> all.add(records.get(k).map(o -> o.orElse(null))));
      return Future.all(all).map(x -> {
        JsonArray out = new JsonArray();
        all.stream().map(Future::result)
            .filter(c -> c != null && teacher.id().equals(c.getJsonObject("teacher").getString("id")))
            .sorted((a, b) -> a.getString("name").compareToIgnoreCase(b.getString("name"))).forEach(out::add);
        return new JsonObject().put("classes", out);
      });
    });
  }

  public Future<JsonObject> get(String id, UserIdentity teacher) {
    return load(id, teacher);
  }

  /** Renames the class: {@code {"name"}}. */
  public Future<JsonObject> rename(String id, UserIdentity teacher, JsonObject body) {
    return change(id, teacher, c -> c.put("name", name(body)));
  }

  /** Adds students ({@code {"students": [{"id", "name"}]}}); one already in the class keeps their place and takes the new name. */
  public Future<JsonObject> addStudents(String id, UserIdentity teacher, JsonObject body) {
    return change(id, teacher, c -> {
      Map<String, UserIdentity> all = students(c);
      for (UserIdentity s : Students.parse(body.getValue("students"), teacher, MAX_STUDENTS)) {
        all.put(s.id(), s);
      }
      if (all.size() > MAX_STUDENTS) {
        throw new IllegalArgumentException("a class has at most " + MAX_STUDENTS + " students");
      }
      return c.put("students", toJson(all.values()));
    });
  }

  /** Takes a student out of the class (404 when they are not in it). */
  public Future<JsonObject> removeStudent(String id, UserIdentity teacher, String studentId) {
    return change(id, teacher, c -> {
      Map<String, UserIdentity> all = students(c);
      if (all.remove(studentId) == null) {
        throw new NoSuchElementException("no student " + studentId + " in this class");
      }
      return c.put("students", toJson(all.values()));
    });
  }

  public Future<Void> delete(String id, UserIdentity teacher) {
    return records.inTurn(PREFIX + id, () -> load(id, teacher).compose(c -> records.delete(PREFIX + id)));
  }

  private Future<JsonObject> change(String id, UserIdentity teacher, java.util.function.UnaryOperator<JsonObject> f) {
    return records.inTurn(PREFIX + id, () -> load(id, teacher).compose(c -> {
      JsonObject next = f.apply(c.copy());
      return records.put(PREFIX + id, next).map(v -> next);
    }));
  }

  private Future<JsonObject> load(String id, UserIdentity teacher) {
    return records.get(PREFIX + id).map(o -> {
      JsonObject c = o.orElseThrow(() -> new NoSuchElementException("no class " + id));
      if (!teacher.id().equals(c.getJsonObject("teacher").getString("id"))) {
        throw new SecurityException("only the teacher who made a class sees or changes it");
      }
      return c;
    });
  }

  private static String name(JsonObject body) {
    if (!(body.getValue("name") instanceof String n) || n.isBlank() || n.strip().length() > MAX_NAME) {
      throw new IllegalArgumentException("a class needs a name of 1 to " + MAX_NAME + " characters");
    }
    return n.strip();
  }

  private static Map<String, UserIdentity> students(JsonObject c) {
    Map<String, UserIdentity> all = new LinkedHashMap<>();
    c.getJsonArray("students").forEach(o -> {
      JsonObject s = (JsonObject) o;
      all.put(s.getString("id"), new UserIdentity(s.getString("id"), s.getString("name")));
    });
    return all;
  }

  private static JsonArray toJson(Iterable<UserIdentity> students) {
    JsonArray out = new JsonArray();
    students.forEach(s -> out.add(Assignment.who(s)));
    return out;
  }

}
