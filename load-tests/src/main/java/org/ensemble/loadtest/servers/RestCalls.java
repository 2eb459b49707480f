package org.ensemble.loadtest.servers;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few JSON calls to Ensemble's REST API that the setup needs; any non-2xx answer fails the run. */
final class RestCalls {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  RestCalls(String base) {
    this.base = base;
  }

  /** A development token for {@code name}. */
  String devToken(String name) throws IOException, InterruptedException {
    return call("POST", "/api/dev/token", null, new JsonObject().put("name", name)).getString("token");
  }

  /** Creates an empty project owned by the token's user and returns its id. */
  String createProject(String token, String title) throws IOException, InterruptedException {
    return call("POST", "/api/projects", token, new JsonObject().put("title", title)).getString("id");
  }

  void addEditor(String ownerToken, String projectId, String userId, String name)
      throws IOException, InterruptedException {
    call("PUT", "/api/projects/" + projectId + "/members/" + userId, ownerToken,
        new JsonObject().put("role", "editor").put("name", name));
  }

  private JsonObject call(String method, String path, String token, JsonObject body)
      throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      req.header("authorization", "Bearer " + token);
    }
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
    }
    return res.body().isBlank() ? new JsonObject() : new JsonObject(res.body());
  }
}
