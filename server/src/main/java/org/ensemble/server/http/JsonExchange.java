package org.ensemble.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading a request's JSON body and writing a JSON response, the same way on every route. */
final class JsonExchange {
  private JsonExchange() {}

  /** The request's body as a JSON object; an empty body reads as {}, anything else is a 400. */
  static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject o = ctx.body().asJsonObject();
      return o == null ? new JsonObject() : o;
    } catch (RuntimeException e) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body.encode());
  }
}
