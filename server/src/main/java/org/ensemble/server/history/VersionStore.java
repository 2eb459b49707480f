package org.ensemble.server.history;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ensemble.server.store.MetadataStore;

/**
 * Versions as small records in the {@link MetadataStore}, one per version under {@code
 * versions/<projectId>/<versionId>}; a version id starts with its time in milliseconds (13 digits),
 * so the keys sort in the order the versions were made.
 */
final class VersionStore {
  static final String PREFIX = "versions/";

  private final MetadataStore store;

  VersionStore(MetadataStore store) {
    this.store = store;
  }

  Future<Void> put(Version v, Context context) {
    return Future.fromCompletionStage(store.put(key(v.projectId(), v.id()),
        v.toStored().encode().getBytes(StandardCharsets.UTF_8)), context);
  }

  Future<Optional<Version>> get(String projectId, String versionId, Context context) {
    if (!versionId.matches("[0-9]{13}-[a-z0-9]{4}")) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.fromCompletionStage(store.get(key(projectId, versionId)), context)
        .map(b -> b.map(VersionStore::parse));
  }

  /** Every version of a project, oldest first. */
  Future<List<Version>> list(String projectId, Context context) {
    return Future.fromCompletionStage(store.keys(PREFIX + projectId + "/"), context).compose(keys -> {
      List<Future<Optional<byte[]>>> reads = new ArrayList<>();
      keys.forEach(k -> reads.add(Future.fromCompletionStage(store.get(k), context)));
      return Future.all(reads).map(all -> {
        List<Version> out = new ArrayList<>();
        reads.forEach(r -> r.result().ifPresent(b -> out.add(parse(b))));
        out.sort(Comparator.comparing(Version::id));
        return out;
      });
    });
  }

  /** The bytes a project's version records take (the values, not the store's framing). */
  Future<Long> storedBytes(String projectId, Context context) {
    return Future.fromCompletionStage(store.keys(PREFIX + projectId + "/"), context).compose(keys -> {
      List<Future<Optional<byte[]>>> reads = new ArrayList<>();
      keys.forEach(k -> reads.add(Future.fromCompletionStage(store.get(k), context)));
      return Future.all(reads).map(all -> reads.stream().mapToLong(r -> r.result().map(b -> (long) b.length).orElse(0L)).sum());
    });
  }

  Future<Void> deleteAll(String projectId, Context context) {
    return Future.fromCompletionStage(store.keys(PREFIX + projectId + "/"), context).compose(keys -> {
      List<Future<Void>> deletes = new ArrayList<>();
      keys.forEach(k -> deletes.add(Future.fromCompletionStage(store.delete(k), context)));
      return Future.all(deletes).mapEmpty();
    });
  }

  private static String key(String projectId, String versionId) {
    return PREFIX + projectId + "/" + versionId;
  }

  private static Version parse(byte[] bytes) {
    return Version.fromStored(new JsonObject(new String(bytes, StandardCharsets.UTF_8)));
  }
}
