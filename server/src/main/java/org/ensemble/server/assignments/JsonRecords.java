package org.ensemble.server.assignments;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ensemble.server.store.MetadataStore;

/**
 * JSON records in the metadata store as assignments and classes keep them: read, written, removed and
 * listed by key prefix on Vert.x futures, and changes to one record made one at a time (a read-modify-
 * write waits for the one before it on the same key).
 */
final class JsonRecords {
  private final Vertx vertx;
  private final MetadataStore store;
  private static final String ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Future<?>> lastChange = new ConcurrentHashMap<>();

  JsonRecords(Vertx vertx, MetadataStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  Future<Optional<JsonObject>> get(String key) {
    return Future.fromCompletionStage(store.get(key), vertx.getOrCreateContext())
        .map(b -> b.map(bytes -> new JsonObject(new String(bytes, StandardCharsets.UTF_8))));
  }

  Future<Void> put(String key, JsonObject value) {
    return Future.fromCompletionStage(store.put(key, value.encode().getBytes(StandardCharsets.UTF_8)), vertx.getOrCreateContext());
  }

  Future<Void> delete(String key) {
    return Future.fromCompletionStage(store.delete(key), vertx.getOrCreateContext());
  }

  Future<List<String>> keys(String prefix) {
    return Future.fromCompletionStage(store.keys(prefix), vertx.getOrCreateContext());
  }

  /** A new record id: {@code kind} (one letter) and 11 random letters and digits that cannot be mistaken for each other. */
  static String newId(char kind) {
    StringBuilder sb = new StringBuilder().append(kind);
    for (int i = 0; i < 11; i++) {
      sb.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return sb.toString();
  }

  /** Runs {@code work} (a read-modify-write of {@code key}) after every earlier one on that key has finished. */
  <T> Future<T> inTurn(String key, Supplier<Future<T>> work) {
    Future<?> before = lastChange.getOrDefault(key, Future.succeededFuture());
    Future<T> mine = before.transform(x -> work.get());
    lastChange.put(key, mine);
    mine.onComplete(x -> lastChange.remove(key, mine));
    return mine;
  }
}
