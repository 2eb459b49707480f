package org.ensemble.server.assignments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ensemble.server.auth.UserIdentity;

/** A list of students as a hand-out or a class takes it: {@code [{"id", "name"}]}, checked with reasons. */
final class Students {
  private Students() {}

  /**
   * The students in {@code raw}, 1 to {@code max} of them (0 allowed when {@code max} is negative: an
   * empty class), none of them the teacher, none twice.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static List<UserIdentity> parse(Object raw, UserIdentity teacher, int max) {
    int most = Math.abs(max);
    int least = max < 0 ? 0 : 1;
    if (!(raw instanceof JsonArray list) || list.size() < least || list.size() > most) {
      throw new IllegalArgumentException("students must list " + least + " to " + most + " students as {\"id\", \"name\"}");
    }
    List<UserIdentity> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object o : list) {
      if (!(o instanceof JsonObject s) || !(s.getValue("id") instanceof String id) || !id.matches("[a-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("each student is {\"id\", \"name\"} with an id of 1 to 64 lower-case letters, digits, . _ or -");
      }
      if (id.equals(teacher.id()) || !seen.add(id)) {
        throw new IllegalArgumentException("student " + id + " is the teacher or listed twice");
      }
      String name = s.getValue("name") instanceof String n && !n.isBlank() ? n.strip() : id;
      if (name.length() > 100) {
        throw new IllegalArgumentException("a student's name has at most 100 characters");
      }
      out.add(new UserIdentity(id, name));
    }
    return out;
  }
}
