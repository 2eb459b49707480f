package org.ensemble.server.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.ensemble.server.auth.Role;
import org.ensemble.server.store.MetadataStore;

/**
 * The projects and who may do what in them, kept in memory for fast access checks (every connection
 * and request asks) and written through to the {@link MetadataStore} under {@code projects/<id>}.
 * Writes complete once durable.
 */
public final class ProjectRegistry {
  private static final String PREFIX = "projects/";

  private final MetadataStore store;
  private final Context context;
  private final Map<String, ProjectRecord> projects = new ConcurrentHashMap<>();

  private final Invites invites;
  private volatile Function<String, Future<Void>> changed = id -> Future.succeededFuture();

  private ProjectRegistry(MetadataStore store, Context context) {
    this.store = store;
    this.context = context;
    this.invites = new Invites(store, context);
  }

  /** The projects' invite links (kept in the same store). */
  public Invites invites() {
    return invites;
  }

  /** Reads every project record from the store. */
  public static Future<ProjectRegistry> load(MetadataStore store, Context context) {
    ProjectRegistry registry = new ProjectRegistry(store, context);
    return Future.fromCompletionStage(store.keys(PREFIX), context).compose(keys -> {
      List<Future<Void>> reads = new ArrayList<>();
      for (String key : keys) {
        reads.add(Future.fromCompletionStage(store.get(key), context).map(value -> {
          value.ifPresent(bytes -> {
            ProjectRecord r = ProjectRecord.fromJson(new JsonObject(new String(bytes, StandardCharsets.UTF_8)));
            registry.projects.put(r.id(), r);
          });
          return null;
        }));
      }
      return Future.all(reads).map(registry);
    });
  }

  /**
   * Has {@code notify} called after every change, with the project's id, before the change completes
   * (cluster mode: every other node reloads the record before a role change or deletion is answered).
   */
  public void onChange(Function<String, Future<Void>> notify) {
    this.changed = notify;
  }

  /** Reads one project's record from the store again (another node changed or deleted it). */
  public Future<Void> reload(String id) {
    return Future.fromCompletionStage(store.get(PREFIX + id), context).map(value -> {
      if (value.isPresent()) {
        ProjectRecord r = ProjectRecord.fromJson(new JsonObject(new String(value.get(), StandardCharsets.UTF_8)));
        projects.put(r.id(), r);
      } else {
        projects.remove(id);
      }
      return null;
    });
  }

  public Optional<ProjectRecord> get(String id) {
    return Optional.ofNullable(projects.get(id));
  }

  /** The role of {@code userId} in project {@code id}; empty when not a member or no such project. */
  public Optional<Role> roleOf(String id, String userId) {
    ProjectRecord r = projects.get(id);
    return r == null ? Optional.empty() : r.roleOf(userId);
  }

  /** The projects {@code userId} may see, newest first. */
  public List<ProjectRecord> visibleTo(String userId) {
    List<ProjectRecord> out = new ArrayList<>();
    for (ProjectRecord r : projects.values()) {
      if (r.roleOf(userId).isPresent()) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(ProjectRecord::createdAt).reversed().thenComparing(ProjectRecord::id));
    return out;
  }

  /** Stores a new or changed record; completes once durable. */
  public Future<ProjectRecord> put(ProjectRecord record) {
    byte[] bytes = record.toJson().encode().getBytes(StandardCharsets.UTF_8);
    return Future.fromCompletionStage(store.put(PREFIX + record.id(), bytes), context).compose(v -> {
      projects.put(record.id(), record);
      return changed.apply(record.id()).map(record);
    });
  }

  public Future<Void> delete(String id) {
    return Future.fromCompletionStage(store.delete(PREFIX + id), context).compose(v -> {
      projects.remove(id);
      return changed.apply(id);
    });
  }

  /** The store the records live in (other per-project records, such as training consent, live beside them). */
  public MetadataStore metadata() {
    return store;
  }

  public int size() {
    return projects.size();
  }
}
