package org.ensemble.server.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.store.MetadataStore;

/**
 * The invite links, in the metadata store beside the project records ({@code invites/<project>/<code>}):
 * read when a link is opened or listed, not kept in memory. A code is 20 random characters (about
 * 100 bits): the link is the secret.
 */
public final class Invites {
  private static final String PREFIX = "invites/";
  private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";
  private static final int CODE_LENGTH = 20;

  private final MetadataStore store;
  private final Context context;
  private final SecureRandom random = new SecureRandom();

  Invites(MetadataStore store, Context context) {
    this.store = store;
    this.context = context;
  }

  /** Makes a new link to {@code projectId} for {@code role}. */
  public Future<Invite> create(String projectId, Role role, UserIdentity by) {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return put(new Invite(code.toString(), projectId, role, by, Instant.now(), null));
  }

  /** The link, revoked or not; empty when there is no such code for this project. */
  public Future<Optional<Invite>> find(String projectId, String code) {
    if (!code.matches("[a-z0-9]{1,40}")) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.fromCompletionStage(store.get(key(projectId, code)), context).map(bytes -> bytes.map(Invites::decode));
  }

  /** Every link of a project, oldest first. */
  public Future<List<Invite>> list(String projectId) {
    return Future.fromCompletionStage(store.keys(PREFIX + projectId + "/"), context).compose(keys -> {
      List<Future<Optional<byte[]>>> reads = new ArrayList<>();
      for (String k : keys) {
        reads.add(Future.fromCompletionStage(store.get(k), context));
      }
      return Future.all(reads).map(all -> {
        List<Invite> out = new ArrayList<>();
        for (Future<Optional<byte[]>> f : reads) {
          f.result().map(Invites::decode).ifPresent(out::add);
        }
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return out;
      });
    });
  }

  public Future<Invite> put(Invite invite) {
    byte[] bytes = invite.toJson().encode().getBytes(StandardCharsets.UTF_8);
    return Future.fromCompletionStage(store.put(key(invite.projectId(), invite.code()), bytes), context).map(invite);
  }

  /** Forgets every link of a deleted project. */
  public Future<Void> deleteAll(String projectId) {
    return Future.fromCompletionStage(store.keys(PREFIX + projectId + "/"), context).compose(keys -> {
      List<Future<Void>> deletes = new ArrayList<>();
      for (String k : keys) {
        deletes.add(Future.fromCompletionStage(store.delete(k), context));
      }
      return Future.all(deletes).mapEmpty();
    });
  }

  private static String key(String projectId, String code) {
    return PREFIX + projectId + "/" + code;
  }

  private static Invite decode(byte[] bytes) {
    return Invite.fromJson(new JsonObject(new String(bytes, StandardCharsets.UTF_8)));
  }
}
