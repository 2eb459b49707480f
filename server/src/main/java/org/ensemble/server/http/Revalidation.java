package org.ensemble.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.ensemble.server.attribution.TaggedBody;

/**
 * Conditional GET (RFC 9110 §13.1.2, §8.8.3): a body goes out with its strong {@code ETag} and
 * {@code Cache-Control: no-cache} (a client may keep it but must ask again before using it), and a
 * request whose {@code If-None-Match} names the current tag gets 304 Not Modified without the body.
 */
final class Revalidation {
  static final String CACHE_CONTROL = "no-cache";

  private Revalidation() {}

  static void send(RoutingContext ctx, TaggedBody tagged, String contentType) {
    HttpServerResponse response = ctx.response().putHeader(HttpHeaders.ETAG, tagged.etag())
        .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), tagged.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(tagged.body());
  }

  /** If-None-Match compares weakly: {@code W/"x"} matches {@code "x"}; {@code *} matches any tag. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
