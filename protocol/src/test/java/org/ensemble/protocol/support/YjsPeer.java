package org.ensemble.protocol.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.lib0.Json;

/**
 * The real yjs, running in a Node child process ({@code protocol/src/test/js/peer.mjs}), driven by
 * JSON lines. One request, one response; the caller waits for the response, never on a timer.
 */
public final class YjsPeer implements AutoCloseable {
  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;

  private YjsPeer(Process process) {
    this.process = process;
    this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  public static Path jsDir() {
    Path p = Path.of("src/test/js");
    return Files.isDirectory(p) ? p : Path.of("protocol/src/test/js");
  }

  public static YjsPeer start() {
    Path dir = jsDir();
    if (!Files.isDirectory(dir.resolve("node_modules/yjs")) || !Files.isDirectory(dir.resolve("node_modules/y-protocols"))) {
      throw new IllegalStateException("yjs is not installed in " + dir.toAbsolutePath()
          + ": run ./ensemble test (or npm ci there)");
    }
    try {
      Process p = new ProcessBuilder("node", "peer.mjs")
          .directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      YjsPeer peer = new YjsPeer(p);
      peer.request(Map.of("op", "ping"));
      return peer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node (is Node.js installed?)", e);
    }
  }

  /** Sends one request and returns the response; a response with "error" raises {@link PeerError}. */
  public Map<String, Object> request(Map<String, ?> request) {
    Map<String, Object> response = requestAllowingError(request);
    if (response.containsKey("error")) {
      throw new PeerError(request.get("op") + ": " + response.get("error"), response);
    }
    return response;
  }

  /** Sends one request and returns the response, which may be {@code {"error": ...}}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> requestAllowingError(Map<String, ?> request) {
    try {
      in.write(Json.stringify(request));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the yjs peer exited (code " + exitCode() + ")");
      }
      return (Map<String, Object>) Json.parse(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the process may already be gone
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

  /** The peer refused a request (Yjs threw). */
  public static final class PeerError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final transient Map<String, Object> response;

    PeerError(String message, Map<String, Object> response) {
      super(message);
      this.response = response;
    }
  }
}
