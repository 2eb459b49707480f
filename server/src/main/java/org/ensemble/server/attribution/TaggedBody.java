package org.ensemble.server.attribution;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A response body and its strong entity tag: the first 128 bits of the body's SHA-256, so equal
 * bodies have equal tags and any change of a byte changes the tag.
 *
 * @param etag quoted, as the {@code ETag} header carries it
 */
public record TaggedBody(Buffer body, String etag) {

  public static TaggedBody of(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      byte[] head = java.util.Arrays.copyOf(digest, 16);
      return new TaggedBody(body, '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(head) + '"');
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
