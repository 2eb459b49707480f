package org.ensemble.loadtest.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ensemble.loadtest.client.ClientSpec;

/**
 * A server started as its own process, its output going to a log file. Closing it sends SIGTERM and,
 * if it has not ended within {@link #STOP_TIMEOUT_S}, SIGKILL.
 */
public final class ServerProcess implements AutoCloseable {
  static final long STOP_TIMEOUT_S = 15;
  /** Long enough for ./ensemble start to build what is stale (the web studio) on its first run. */
  static final long START_TIMEOUT_MS = 240_000;

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code command} with {@code env} added and waits until its port accepts connections. */
  static ServerProcess start(List<String> command, Map<String, String> env, int port, Path log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    ServerProcess server = new ServerProcess(pb.start(), port, log);
    try {
      server.awaitListening();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** A port nobody listens on now (the server binds it a moment later; a clash fails the start loudly). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(ClientSpec.HOST))) {
      return s.getLocalPort();
    }
  }

  private void awaitListening() throws Exception {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server ended with status " + process.exitValue() + " at start; see " + log);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(ClientSpec.HOST, port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50); // polling a port that is not open yet: nothing to wait on instead
      }
    }
    throw new IllegalStateException("the server did not listen on port " + port + " within " + START_TIMEOUT_MS
        + " ms; see " + log);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public String baseUrl() {
    return "http://" + ClientSpec.HOST + ":" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
