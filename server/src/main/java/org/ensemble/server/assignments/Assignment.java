package org.ensemble.server.assignments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.server.auth.UserIdentity;

/**
 * An assignment handed to a class: the teacher, the project it was made from, instructions, the AI
 * policy, the part-writing rules it checks, and one copy per student (the student an editor of it,
 * the teacher its owner) with when it was submitted and how many AI requests it made.
 */
record Assignment(String id, UserIdentity teacher, String sourceProjectId, String title, String instructions,
                  AiPolicy ai, List<String> rules, Instant createdAt, List<Copy> copies) {

  record Copy(UserIdentity student, String projectId, Instant submittedAt, int aiRequests) {
    Copy submitted(Instant at) {
      return new Copy(student, projectId, at, aiRequests);
    }

    Copy withRequest() {
      return new Copy(student, projectId, submittedAt, aiRequests + 1);
    }
  }

  Assignment withCopy(String projectId, java.util.function.UnaryOperator<Copy> change) {
    List<Copy> list = new ArrayList<>();
    copies.forEach(c -> list.add(c.projectId().equals(projectId) ? change.apply(c) : c));
    return new Assignment(id, teacher, sourceProjectId, title, instructions, ai, rules, createdAt, list);
  }

  Copy copy(String projectId) {
    return copies.stream().filter(c -> c.projectId().equals(projectId)).findFirst().orElse(null);
  }

  JsonObject toJson() {
    JsonArray list = new JsonArray();
    copies.forEach(c -> list.add(new JsonObject().put("student", who(c.student())).put("projectId", c.projectId())
        .put("submittedAt", c.submittedAt() == null ? null : c.submittedAt().toString()).put("aiRequests", c.aiRequests())));
    return new JsonObject().put("id", id).put("teacher", who(teacher)).put("sourceProjectId", sourceProjectId)
        .put("title", title).put("instructions", instructions).put("aiPolicy", ai.wireName()).put("aiHintLimit", ai.limit())
        .put("rules", new JsonArray(rules)).put("createdAt", createdAt.toString()).put("copies", list);
  }

  static Assignment fromJson(JsonObject o) {
    List<Copy> copies = new ArrayList<>();
    o.getJsonArray("copies").forEach(x -> {
      JsonObject c = (JsonObject) x;
      copies.add(new Copy(user(c.getJsonObject("student")), c.getString("projectId"),
          c.getString("submittedAt") == null ? null : Instant.parse(c.getString("submittedAt")), c.getInteger("aiRequests", 0)));
    });
    List<String> rules = new ArrayList<>();
    o.getJsonArray("rules").forEach(r -> rules.add((String) r));
    return new Assignment(o.getString("id"), user(o.getJsonObject("teacher")), o.getString("sourceProjectId"), o.getString("title"),
        o.getString("instructions"), AiPolicy.parse(o.getString("aiPolicy"), o.getInteger("aiHintLimit")), rules,
        Instant.parse(o.getString("createdAt")), copies);
  }

  static JsonObject who(UserIdentity u) {
    return new JsonObject().put("id", u.id()).put("name", u.name());
  }

  private static UserIdentity user(JsonObject o) {
    return new UserIdentity(o.getString("id"), o.getString("name"));
  }
}
