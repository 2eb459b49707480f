package org.ensemble.server.assignments;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.schema.ProjectMaps;
import org.ensemble.schema.ProjectReader;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.partwriting.PartWritingChecker;
import org.ensemble.server.attribution.Attribution;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.projects.Projects;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.store.MetadataStore;
import org.ensemble.server.sync.Rooms;

/**
 * Assignments (documented in {@code docs/assignments.md}): a teacher hands a project to a class; each
 * student gets a copy as its editor (the teacher owns every copy), made through {@link Projects}; the
 * AI policy is enforced on every generation request in a copy; students submit; the teacher's
 * overview gives each copy's submission, human and AI share of the notes and AI requests (from the
 * ledger) and the part-writing findings with the assignment's rules. Records live in the metadata
 * store: {@code assignments/<id>} and, per copy, {@code assignment-of/<projectId>}. Changes to one
 * assignment's record are made one at a time.
 */
public final class Assignments {
  static final String PREFIX = "assignments/";
  static final String COPY_PREFIX = "assignment-of/";
  public static final int MAX_STUDENTS = 200;
  public static final int MAX_INSTRUCTIONS = 4000;

  private final Vertx vertx;
  private final Projects projects;
  private final Rooms rooms;
  private final Attribution attribution;
  private final JsonRecords records;

  public Assignments(Vertx vertx, Projects projects, Rooms rooms, Attribution attribution, MetadataStore store) {
    this.vertx = vertx;
    this.projects = projects;
    this.rooms = rooms;
    this.attribution = attribution;
    this.records = new JsonRecords(vertx, store);
  }

  /**
   * Hands {@code source} to the students named in {@code body} ({@code {"students": [{"id", "name"}],
   * "title"?, "instructions"?, "aiPolicy": "off"|"hints"|"on", "aiHintLimit"?, "rules"?: [ids]}}).
   */
  public Future<JsonObject> handOut(ProjectRecord source, UserIdentity teacher, JsonObject body) {
    Assignment draft;
    List<UserIdentity> students;
    try {
      students = Students.parse(body.getValue("students"), teacher, MAX_STUDENTS);
      String title = body.getValue("title") instanceof String t && !t.isBlank() ? t.strip() : source.title();
      String instructions = body.getValue("instructions") instanceof String s ? s.strip() : "";
      if (title.length() > 200 || instructions.length() > MAX_INSTRUCTIONS) {
        throw new IllegalArgumentException("a title has at most 200 characters, instructions at most " + MAX_INSTRUCTIONS);
      }
      draft = new Assignment(JsonRecords.newId('a'), teacher, source.id(), title, instructions,
          AiPolicy.parse(body.getValue("aiPolicy"), body.getValue("aiHintLimit")), rules(body.getValue("rules")),
          Instant.now(), List.of());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    UserIdentity author = new UserIdentity("assignment:" + draft.id(), "the assignment \"" + draft.title() + "\"");
    return rooms.read(source.id(), vertx, doc -> ProjectReader.read(doc).view()).compose(view -> {
      Future<List<Assignment.Copy>> made = Future.succeededFuture(new ArrayList<>());
      for (UserIdentity student : students) {
        made = made.compose(list -> projects.create(teacher, draft.title() + " — " + student.name(), author,
                (doc, title) -> copyInto(doc, view, title))
            .compose(copy -> projects.setMember(copy, student, Role.EDITOR))
            .compose(copy -> put(COPY_PREFIX + copy.id(), new JsonObject().put("assignment", draft.id()))
                .map(v -> {
                  list.add(new Assignment.Copy(student, copy.id(), null, 0));
                  return list;
                })));
      }
      return made.map(list -> new Assignment(draft.id(), teacher, source.id(), draft.title(), draft.instructions(), draft.ai(),
          draft.rules(), draft.createdAt(), List.copyOf(list)));
    }).compose(a -> put(PREFIX + a.id(), a.toJson()).map(v -> a.toJson()));
  }

  /** The assignment {@code id}, if {@code teacher} made it. */
  public Future<JsonObject> get(String id, UserIdentity teacher) {
    return load(id).map(a -> {
      if (!a.teacher().id().equals(teacher.id())) {
        throw new SecurityException("only the teacher who made an assignment sees it whole");
      }
      return a.toJson();
    });
  }

  /** The assignments {@code teacher} made, newest first. */
  public Future<JsonObject> mine(UserIdentity teacher) {
    return records.keys(PREFIX).compose(keys -> {
      List<Future<Assignment>> all = new ArrayList<>();
      keys.forEach(k -> all.add(load(k.substring(PREFIX.length()))));
      return Future.all(all).map(x -> {
        JsonArray out = new JsonArray();
        all.stream().map(Future::result).filter(a -> a.teacher().id().equals(teacher.id()))
            .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).forEach(a -> out.add(a.toJson()));
        return new JsonObject().put("assignments", out);
      });
    });
  }

  /** The assignment a project is a copy of, if it is one. */
  public Future<Optional<JsonObject>> ofCopy(String projectId) {
    return assignmentOf(projectId).map(a -> a.map(Assignment::toJson));
  }

  /**
   * Why a generation request in {@code projectId} is refused by its assignment's AI policy, or null
   * when it may go (and then it is counted against the copy's hints).
   */
  public Future<String> admitGeneration(String projectId, JsonObject body) {
    return assignmentOf(projectId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(null);
      }
      return change(found.get().id(), a -> {
        Assignment.Copy copy = a.copy(projectId);
        String refusal = a.ai().refusal(body, copy == null ? 0 : copy.aiRequests());
        return new Change(refusal == null ? a.withCopy(projectId, Assignment.Copy::withRequest) : a, refusal);
      });
    });
  }

  /** The student hands in their copy; completes with the assignment as they may see it. */
  public Future<JsonObject> submit(String projectId, UserIdentity student) {
    return assignmentOf(projectId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new NoSuchElementException("this project is not an assignment's copy"));
      }
      return change(found.get().id(), a -> {
        Assignment.Copy copy = a.copy(projectId);
        if (copy == null || !copy.student().id().equals(student.id())) {
          throw new SecurityException("only the student this copy was handed to may submit it");
        }
        return new Change(a.withCopy(projectId, c -> c.submitted(Instant.now())), null);
      }).compose(x -> assignmentOf(projectId)).map(a -> a.get().toJson());
    });
  }

  /** The teacher's overview of the class: per copy, submission, notes by whom, AI requests, part-writing findings. */
  public Future<JsonObject> overview(String id, UserIdentity teacher) {
    return load(id).compose(a -> {
      if (!a.teacher().id().equals(teacher.id())) {
        return Future.failedFuture(new SecurityException("only the teacher who made an assignment sees its overview"));
      }
      List<Future<JsonObject>> rows = new ArrayList<>();
      a.copies().forEach(c -> rows.add(row(a, c)));
      return Future.all(rows).map(x -> {
        JsonArray students = new JsonArray();
        rows.forEach(r -> students.add(r.result()));
        return new JsonObject().put("assignment", a.toJson()).put("students", students);
      });
    });
  }

  private Future<JsonObject> row(Assignment a, Assignment.Copy c) {
    Future<JsonObject> stats = attribution.attribution(vertx, c.projectId()).map(p -> p.stats());
    Future<JsonObject> findings = rooms.read(c.projectId(), vertx, doc -> ProjectReader.read(doc).view())
        .compose(view -> vertx.executeBlocking(() -> {
          var report = PartWritingChecker.check(view, new LinkedHashSet<>(a.rules()));
          JsonObject counts = new JsonObject();
          report.counts().forEach(counts::put);
          return new JsonObject().put("findings", report.findings().size()).put("counts", counts);
        }, false));
    return Future.all(stats, findings).map(x -> {
      int mine = 0;
      int ai = 0;
      int given = 0;
      for (Object o : stats.result().getJsonArray("authors")) {
        JsonObject author = (JsonObject) o;
        int notes = author.getInteger("survivingNotes", 0);
        if ("ai".equals(author.getString("source"))) {
          ai += notes;
        } else if (author.getString("actor").equals(c.student().id())) {
          mine += notes;
        } else {
          given += notes;
        }
      }
      int written = mine + ai;
      JsonObject suggestions = stats.result().getJsonObject("suggestions", new JsonObject());
      return new JsonObject().put("student", Assignment.who(c.student())).put("projectId", c.projectId())
          .put("submitted", c.submittedAt() != null).put("submittedAt", c.submittedAt() == null ? null : c.submittedAt().toString())
          .put("notes", new JsonObject().put("student", mine).put("ai", ai).put("given", given))
          .put("share", new JsonObject().put("human", written == 0 ? null : (double) mine / written)
              .put("ai", written == 0 ? null : (double) ai / written))
          .put("aiRequests", c.aiRequests()).put("aiSuggestions", suggestions.getInteger("total", 0))
          .put("partWriting", findings.result());
    });
  }

  /** Writes the source's content into a copy's empty document, under the copy's title. */
  private static void copyInto(org.ensemble.protocol.crdt.Doc doc, ProjectView view, String title) {
    doc.transact(t -> {
      ProjectMaps.writeMeta(doc.getMap(ProjectSchema.META), view.meta().withTitle(title));
      YArray tracks = doc.getArray(ProjectSchema.TRACKS);
      tracks.push(view.tracks().stream().map(ProjectMaps::track).toList());
      YArray sections = doc.getArray(ProjectSchema.SECTIONS);
      sections.push(view.sections().stream().map(ProjectMaps::section).toList());
    }, null);
  }

  private record Change(Assignment next, String answer) {}

  /** Applies {@code f} to the stored assignment, one change at a time per assignment; completes with its answer. */
  private Future<String> change(String id, java.util.function.Function<Assignment, Change> f) {
    return records.inTurn(PREFIX + id, () -> load(id).compose(a -> {
      Change c = f.apply(a);
      return (c.next() == a ? Future.<Void>succeededFuture() : put(PREFIX + id, c.next().toJson())).map(v -> c.answer());
    }));
  }

  private Future<Optional<Assignment>> assignmentOf(String projectId) {
    return get(COPY_PREFIX + projectId).compose(index -> index.isEmpty() ? Future.succeededFuture(Optional.empty())
        : load(index.get().getString("assignment")).map(Optional::of));
  }

  private Future<Assignment> load(String id) {
    return get(PREFIX + id).map(o -> Assignment.fromJson(o.orElseThrow(() -> new NoSuchElementException("no assignment " + id))));
  }

  private Future<Optional<JsonObject>> get(String key) {
    return records.get(key);
  }

  private Future<Void> put(String key, JsonObject value) {
    return records.put(key, value);
  }

  private static List<String> rules(Object raw) {
    Set<String> known = PartWritingChecker.ruleIds();
    if (raw == null) {
      return List.copyOf(known);
    }
    if (!(raw instanceof JsonArray list) || list.isEmpty()) {
      throw new IllegalArgumentException("rules, when given, lists some of " + String.join(", ", known));
    }
    List<String> out = new ArrayList<>();
    for (Object r : list) {
      if (!(r instanceof String id) || !known.contains(id)) {
        throw new IllegalArgumentException("unknown rule " + r + "; the rules are " + String.join(", ", known));
      }
      out.add(id);
    }
    return out;
  }

}
