package org.ensemble.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process for tests, on a free port of 127.0.0.1, in a temp directory of
 * its own. Without persistence by default ({@code --save "" --appendonly no}); {@link #withAof()}
 * turns on the append-only file with {@code appendfsync always}, the setting under which Redis
 * acknowledges a write only after fsyncing it.
 *
 * <p>Starting waits until the server logs that it accepts connections and answers PING, within
 * {@link #START_TIMEOUT}; {@link #close} stops it and removes its directory. When
 * {@code redis-server} is not on the PATH, starting fails the test and says which Debian package
 * installs it ({@value #DEBIAN_PACKAGE}).
 */
public final class RedisServer implements AutoCloseable {
  public static final String DEBIAN_PACKAGE = "redis-server";
  public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final String EXECUTABLE = "redis-server";
  /** Redis 7.0 logs this line once it listens (7.2 adds the transport after it). */
  private static final String READY_LINE = "Ready to accept connections";
  /** Tries with a new port when another process took the one chosen (a race with port probing). */
  private static final int START_ATTEMPTS = 5;
  private static final String LOOPBACK = "127.0.0.1";

  private final Path executable;
  private final Path directory;
  private final boolean aof;
  private final List<String> output = new ArrayList<>();
  private int port;
  private Process process;

  private RedisServer(Path executable, Path directory, boolean aof) {
    this.executable = executable;
    this.directory = directory;
    this.aof = aof;
  }

  /** A server that keeps nothing on disk. */
  public static RedisServer start() throws IOException {
    return create(false);
  }

  /** A server with {@code appendonly yes} and {@code appendfsync always}; survives {@link #kill}. */
  public static RedisServer withAof() throws IOException {
    return create(true);
  }

  private static RedisServer create(boolean aof) throws IOException {
    RedisServer server = new RedisServer(findExecutable(), Files.createTempDirectory("redis-test-"), aof);
    try {
      server.startOnSomeFreePort();
    } catch (IOException | RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:port/0} */
  public String uri() {
    return "redis://" + LOOPBACK + ":" + port + "/0";
  }

  /** Kills the server with SIGKILL, as a crash would; {@link #restart} brings it back. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts the server again on the same port and directory (reading its AOF, if it has one). */
  public void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("the server still runs; kill it first");
    }
    startOn(port);
  }

  private void startOnSomeFreePort() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        startOn(freePort());
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return probe.getLocalPort();
    }
  }

  private void startOn(int chosenPort) throws IOException {
    port = chosenPort;
    List<String> command = new ArrayList<>(List.of(executable.toString(),
        "--port", String.valueOf(port), "--bind", LOOPBACK, "--dir", directory.toString(),
        "--save", "", "--daemonize", "no", "--logfile", ""));
    command.addAll(aof
        ? List.of("--appendonly", "yes", "--appendfsync", "always")
        : List.of("--appendonly", "no"));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Void> ready = watchOutput(process.getInputStream());
    try {
      ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      ping();
    } catch (ExecutionException | TimeoutException | IOException e) {
      process.destroyForcibly();
      throw new IOException("redis-server did not start on port " + port + ": " + e
          + "\n--- its output ---\n" + output(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting redis-server", e);
    }
  }

  /**
   * Reads the server's output on a thread of its own (so the pipe never fills up), keeps it for error
   * messages, and completes once the server says it is ready, exceptionally if it exits first.
   */
  private CompletableFuture<Void> watchOutput(InputStream stdout) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (output) {
            output.add(line);
          }
          if (line.contains(READY_LINE)) {
            ready.complete(null);
          }
        }
      } catch (IOException closed) {
        // the process ended; the future below says so
      }
      ready.completeExceptionally(new IOException("redis-server exited"));
    }, "redis-server-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    return ready;
  }

  private void ping() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), (int) START_TIMEOUT.toMillis());
      socket.setSoTimeout((int) START_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = socket.getInputStream().readNBytes("+PONG\r\n".length());
      String text = new String(reply, StandardCharsets.US_ASCII);
      if (!text.equals("+PONG\r\n")) {
        throw new IOException("PING answered " + text.strip());
      }
    }
  }

  private String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  private static Path findExecutable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(directory, EXECUTABLE);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(EXECUTABLE + " is not on the PATH (" + path + "); the Redis tests need a"
        + " real server: install the Debian package " + DEBIAN_PACKAGE
        + " (apt-get install -y " + DEBIAN_PACKAGE + ")");
  }

  /** Stops the server (SIGTERM, then SIGKILL if it lingers) and removes its directory. */
  @Override
  public void close() throws IOException {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }
}
