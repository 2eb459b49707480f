package org.ensemble.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns failures into JSON error bodies {@code {"error": "...", "status": 400}}. Refusals carry their
 * reason; anything unexpected becomes a 500 whose details stay in the server log, never in the
 * response.
 */
final class ErrorResponses {
  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String message;
    if (failure instanceof ApiException) {
      status = ((ApiException) failure).status();
      message = failure.getMessage();
    } else if (failure instanceof DecodeException) {
      status = 400;
      message = "the body is not valid JSON";
    } else if (failure == null) {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      message = status == 404 ? "no such resource" : status == 405 ? "method not allowed"
          : status == 413 ? "request body too large" : "request failed";
    } else {
      status = 500;
      message = "internal error";
      LOG.log(Level.SEVERE, "request " + ctx.request().method() + " " + ctx.request().path() + " failed", failure);
    }
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(new JsonObject().put("error", message).put("status", status).encode());
  }
}
