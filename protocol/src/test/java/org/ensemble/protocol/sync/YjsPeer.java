package org.ensemble.protocol.sync;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.lib0.Json;

/**
 * The JavaScript peer (protocol/src/test/js/peer.mjs) as a child process: one JSON request per line
 * on its stdin, one JSON response per line on its stdout. Calls block on the reply line (the tests
 * that use it carry a timeout); {@link #close} always ends the process.
 */
final class YjsPeer implements AutoCloseable {
  private final Process process;
  private final Writer in;
  private final BufferedReader out;

  private YjsPeer(Process process) {
    this.process = process;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code node peer.mjs}; fails the test clearly when node or the npm packages are missing. */
  static YjsPeer start() {
    Path js = Paths.get("src/test/js");
    if (!Files.isDirectory(js)) {
      js = Paths.get("protocol").resolve(js);
    }
    if (!Files.isDirectory(js.resolve("node_modules/y-protocols")) || !Files.isDirectory(js.resolve("node_modules/yjs"))) {
      fail("the JavaScript test packages are not installed: run `npm ci` in " + js.toAbsolutePath());
    }
    Process process;
    try {
      process = new ProcessBuilder("node", "peer.mjs")
          .directory(js.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new AssertionError("could not start `node` (Node 20 or newer must be on the PATH): " + e.getMessage(), e);
    }
    YjsPeer peer = new YjsPeer(process);
    try {
      peer.call(Map.of("op", "ping"));
    } catch (RuntimeException | AssertionError e) {
      peer.close();
      throw e;
    }
    return peer;
  }

  /** Sends one request and returns the response; an {@code error} response fails the test. */
  Map<String, Object> call(Map<String, ?> request) {
    Map<String, Object> response = callAllowingError(request);
    if (response.containsKey("error")) {
      fail("peer refused " + request.get("op") + ": " + response.get("error"));
    }
    return response;
  }

  /** Sends one request and returns the response, which may be {@code {"error": ...}}. */
  Map<String, Object> callAllowingError(Map<String, ?> request) {
    try {
      in.write(Json.stringify(request));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        fail("the peer exited (code " + process.waitFor() + ") before answering " + request.get("op"));
      }
      return ProtocolFixtures.map(Json.parse(line));
    } catch (IOException e) {
      throw new UncheckedIOException("talking to the peer failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the process is ended below either way
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
