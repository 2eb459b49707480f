package org.ensemble.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;

/**
 * Signed bearer tokens (JWT, HS256): the subject is the user id, {@code name} the display name.
 * Expired, forged or malformed tokens fail verification.
 */
public final class Tokens {
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
  /** Below this a shared HS256 secret is guessable. */
  public static final int MIN_SECRET_LENGTH = 32;

  private final JWTAuth jwt;
  private volatile Revocations revocations;

  public Tokens(Vertx vertx, String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("the JWT secret must have at least " + MIN_SECRET_LENGTH + " characters");
    }
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  /** From now on, tokens of deleted accounts are refused (see {@link Revocations}). */
  public void checkRevocations(Revocations revocations) {
    this.revocations = revocations;
  }

  /** The revocations checked, or null before {@link #checkRevocations}. */
  public Revocations revocations() {
    return revocations;
  }

  public String issue(UserIdentity user, Duration lifetime) {
    JsonObject claims = new JsonObject().put("sub", user.id()).put("name", user.name());
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) lifetime.toSeconds()));
  }

  /** The identity a valid token carries; a failed future for a missing, forged or expired token. */
  public Future<UserIdentity> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture("missing token");
    }
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      JsonObject p = user.principal();
      String sub = p.getString("sub");
      if (sub == null || sub.isBlank()) {
        return Future.failedFuture("token without a subject");
      }
      Revocations r = revocations;
      if (r != null && r.isRevoked(sub, p.getLong("iat", 0L))) {
        return Future.failedFuture("revoked token");
      }
      return Future.succeededFuture(new UserIdentity(sub, p.getString("name", sub)));
    });
  }
}
