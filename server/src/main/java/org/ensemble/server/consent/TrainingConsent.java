package org.ensemble.server.consent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ensemble.server.store.MetadataStore;

/**
 * Whether a project's owner lets its content train a model: off unless the owner turned it on, and
 * revocable at any time. Only an opted-in project has a record, {@code training/<projectId>} in the
 * {@link MetadataStore} ({@code {"by": userId, "at": time}}); turning it off deletes the record.
 */
public final class TrainingConsent {
  static final String PREFIX = "training/";

  private final MetadataStore store;
  private final Context context;

  public TrainingConsent(MetadataStore store, Context context) {
    this.store = store;
    this.context = context;
  }

  /** Who opted the project in and when, or empty when it is not opted in. */
  public Future<Optional<JsonObject>> of(String projectId) {
    return Future.fromCompletionStage(store.get(PREFIX + projectId), context)
        .map(v -> v.map(bytes -> new JsonObject(new String(bytes, StandardCharsets.UTF_8))));
  }

  /** Opts a project in (recording who and when) or out; completes once durable. */
  public Future<Void> set(String projectId, boolean optIn, String byUserId) {
    if (!optIn) {
      return Future.fromCompletionStage(store.delete(PREFIX + projectId), context);
    }
    JsonObject record = new JsonObject().put("by", byUserId).put("at", Instant.now().toString());
    return Future.fromCompletionStage(store.put(PREFIX + projectId, record.encode().getBytes(StandardCharsets.UTF_8)), context);
  }

  /** The ids of the opted-in projects, sorted. */
  public Future<List<String>> optedIn() {
    return Future.fromCompletionStage(store.keys(PREFIX), context)
        .map(keys -> keys.stream().map(k -> k.substring(PREFIX.length())).toList());
  }
}
