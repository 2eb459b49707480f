package org.ensemble.server.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.EnsembleServer;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.Stores;

/**
 * An Ensemble server on a free port with its embedded store in a temporary directory, plus the REST
 * calls tests need (development sign-in, creating projects, members).
 */
public final class TestServer implements AutoCloseable {
  public static final String SECRET = "test-secret-test-secret-test-secret-0123456789";

  private final Vertx vertx;
  private final ServerConfig config;
  private final EnsembleServer server;
  private final org.ensemble.server.store.DocumentStore documents;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(Vertx vertx, ServerConfig config, EnsembleServer server,
                     org.ensemble.server.store.DocumentStore documents) {
    this.vertx = vertx;
    this.config = config;
    this.server = server;
    this.documents = documents;
  }

  public static ServerConfig config(Path dataDir) {
    return ServerConfig.defaults().withPort(0).withDataDir(dataDir).withJwtSecret(SECRET);
  }

  public static TestServer start(Vertx vertx, ServerConfig config) throws Exception {
    Stores stores = Stores.open(config);
    EnsembleServer server = EnsembleServer.start(vertx, config, stores.documents(), stores.metadata())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new TestServer(vertx, config, server, stores.documents());
  }

  public static TestServer start(Vertx vertx, Path dataDir) throws Exception {
    return start(vertx, config(dataDir));
  }

  public int port() {
    return server.port();
  }

  public ServerConfig config() {
    return config;
  }

  public org.ensemble.server.sync.Rooms rooms() {
    return server.rooms();
  }

  /** The server's document store (to compute from what it holds, beside the server). */
  public org.ensemble.server.store.DocumentStore documents() {
    return documents;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** A development token for {@code name}. */
  public String token(String name) throws Exception {
    return call("POST", "/api/dev/token", null, new JsonObject().put("name", name)).body().getString("token");
  }

  /** Creates a project owned by the token's user; returns its id. */
  public String createProject(String token, JsonObject body) throws Exception {
    Response r = call("POST", "/api/projects", token, body);
    if (r.status() != 201) {
      throw new AssertionError("project not created: " + r);
    }
    return r.body().getString("id");
  }

  public void addMember(String ownerToken, String projectId, String userId, String role) throws Exception {
    Response r = call("PUT", "/api/projects/" + projectId + "/members/" + userId, ownerToken,
        new JsonObject().put("role", role));
    if (r.status() != 200) {
      throw new AssertionError("member not added: " + r);
    }
  }

  /** A JSON response (or the raw text in {@code text}). */
  public record Response(int status, JsonObject body, String text, HttpResponse<byte[]> raw) {}

  /** One request; I/O failures fail the test. */
  public Response call(String method, String path, String token, JsonObject body) {
    try {
      return send(method, path, token, body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private Response send(String method, String path, String token, JsonObject body)
      throws java.io.IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    JsonObject json = null;
    if (text.startsWith("{")) {
      json = new JsonObject(text);
    }
    return new Response(r.statusCode(), json, text, r);
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
