package org.ensemble.server.testing;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The stock {@code yjs} + {@code y-websocket} client in a Node child process
 * ({@code server/src/test/js/stock-client.mjs}), driven by JSON lines. Requests block until the
 * script answers; the script itself bounds its waits with a timeout.
 */
public final class StockYjsClient implements AutoCloseable {
  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;

  private StockYjsClient(Process process) {
    this.process = process;
    this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  public static Path jsDir() {
    Path p = Path.of("src/test/js");
    return Files.isDirectory(p) ? p : Path.of("server/src/test/js");
  }

  public static StockYjsClient start() throws IOException {
    return start("stock-client.mjs");
  }

  /** Runs another driver script of {@code server/src/test/js} that speaks the same JSON lines. */
  public static StockYjsClient start(String script) throws IOException {
    Path dir = jsDir();
    if (!Files.isDirectory(dir.resolve("node_modules/y-websocket"))) {
      throw new IllegalStateException("y-websocket is not installed in " + dir.toAbsolutePath() + ": run ./ensemble test");
    }
    Process p = new ProcessBuilder("node", script).directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new StockYjsClient(p);
  }

  /** Sends a request; fails the test on an error response. */
  public JsonObject call(JsonObject request) throws IOException {
    in.write(request.encode());
    in.write('\n');
    in.flush();
    String line = out.readLine();
    if (line == null) {
      throw new AssertionError("the stock client exited before answering " + request.getString("op"));
    }
    JsonObject response = new JsonObject(line);
    if (response.containsKey("error")) {
      throw new AssertionError("stock client: " + response.getString("error"));
    }
    return response;
  }

  public void connect(int port, String projectId, String token) throws IOException {
    call(new JsonObject().put("op", "connect").put("url", "ws://localhost:" + port + "/sync")
        .put("room", projectId).put("token", token));
    call(new JsonObject().put("op", "waitSynced").put("timeoutMs", 10_000));
  }

  @Override
  public void close() {
    try {
      call(new JsonObject().put("op", "close"));
      in.close();
    } catch (IOException | AssertionError ignored) {
      // the process is ended below either way
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
