package org.ensemble.server.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.ensemble.server.store.MetadataStore;

/**
 * Users whose tokens were revoked (their account was deleted): every token issued to them up to that
 * second is refused from then on. Kept in memory for the checks every request makes, written through
 * to the {@link MetadataStore} under {@code revoked/<userId>} so a restart keeps them.
 */
public final class Revocations {
  private static final String PREFIX = "revoked/";

  private final MetadataStore store;
  private final Context context;
  /** user id -> epoch second up to which its tokens are refused */
  private final Map<String, Long> revoked = new ConcurrentHashMap<>();

  private Revocations(MetadataStore store, Context context) {
    this.store = store;
    this.context = context;
  }

  public static Future<Revocations> load(MetadataStore store, Context context) {
    Revocations r = new Revocations(store, context);
    return Future.fromCompletionStage(store.keys(PREFIX), context).compose(keys -> {
      List<Future<Void>> reads = new ArrayList<>();
      for (String key : keys) {
        reads.add(Future.fromCompletionStage(store.get(key), context).map(v -> {
          v.ifPresent(bytes -> r.revoked.put(key.substring(PREFIX.length()),
              new JsonObject(new String(bytes, StandardCharsets.UTF_8)).getLong("before")));
          return null;
        }));
      }
      return Future.all(reads).map(r);
    });
  }

  private volatile Function<String, Future<Void>> changed = id -> Future.succeededFuture();

  /** Has {@code notify} called with the user's id after every revocation, before it completes (cluster mode). */
  public void onChange(Function<String, Future<Void>> notify) {
    this.changed = notify;
  }

  /** Reads one user's revocation from the store again (another node revoked their tokens). */
  public Future<Void> reload(String userId) {
    return Future.fromCompletionStage(store.get(PREFIX + userId), context).map(v -> {
      v.ifPresent(bytes -> revoked.merge(userId,
          new JsonObject(new String(bytes, StandardCharsets.UTF_8)).getLong("before"), Math::max));
      return null;
    });
  }

  /** Refuses every token of {@code userId} issued up to {@code epochSecond}; completes once durable. */
  public Future<Void> revokeUpTo(String userId, long epochSecond) {
    byte[] bytes = new JsonObject().put("before", epochSecond).encode().getBytes(StandardCharsets.UTF_8);
    return Future.fromCompletionStage(store.put(PREFIX + userId, bytes), context).compose(v -> {
      revoked.merge(userId, epochSecond, Math::max);
      return changed.apply(userId);
    });
  }

  /** Whether a token of {@code userId} issued at {@code issuedAt} (epoch seconds) was revoked. */
  boolean isRevoked(String userId, long issuedAt) {
    Long upTo = revoked.get(userId);
    return upTo != null && issuedAt <= upTo;
  }
}
