package org.ensemble.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cluster node as its own JVM ({@code org.ensemble.server.Main} with {@code ENSEMBLE_CLUSTER_*}),
 * on a free HTTP port and the Hazelcast port it was given, with a small heap: tests start three on a
 * 2-core machine. It can be killed (SIGKILL), frozen (SIGSTOP), thawed (SIGCONT), stopped (SIGTERM,
 * which drains its rooms) and started again on the same Hazelcast port.
 */
public final class ClusterNodeProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("http://[^:]+:(\\d+)/");
  private static final long START_SECONDS = 120;

  private final String name;
  private final int hazelcastPort;
  private final List<String> members;
  private final String redisUri;
  private final Path dataDir;
  private final Map<String, String> extraEnv;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final int port;
  private Process process;

  private ClusterNodeProcess(String name, int hazelcastPort, List<String> members, String redisUri, Path dataDir,
                             Map<String, String> extraEnv) {
    this.name = name;
    this.hazelcastPort = hazelcastPort;
    this.members = members;
    this.redisUri = redisUri;
    this.dataDir = dataDir;
    this.extraEnv = extraEnv;
    this.port = freeHttpPort();
  }

  /** The node keeps its HTTP port across restarts, so clients that reconnect find it again. */
  private static int freeHttpPort() {
    try {
      return freePorts(1).get(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Free ports for Hazelcast members on loopback, one per node to come. */
  public static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports.add(s.getLocalPort());
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  /** Starts a node (does not wait for it: call {@link #awaitStarted}, so several start at once). */
  public static ClusterNodeProcess launch(String name, int hazelcastPort, List<String> members, String redisUri,
                                          Path dataDir, Map<String, String> extraEnv) throws IOException {
    ClusterNodeProcess node = new ClusterNodeProcess(name, hazelcastPort, members, redisUri, dataDir, extraEnv);
    node.launch();
    return node;
  }

  /**
   * Launches {@code count} nodes, node1 to nodeN, each listing all of them as members, with data under
   * {@code dir}; wait for each with {@link #awaitStarted} (they form the cluster meanwhile).
   */
  public static List<ClusterNodeProcess> launchAll(int count, String redisUri, Path dir, Map<String, String> extraEnv)
      throws IOException {
    List<Integer> ports = freePorts(count);
    List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    List<ClusterNodeProcess> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "node" + (i + 1);
      nodes.add(launch(name, ports.get(i), members, redisUri, dir.resolve(name), extraEnv));
    }
    return nodes;
  }

  private CompletableFuture<Integer> started;

  private void launch() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
        "org.ensemble.server.Main", "--port", Integer.toString(port), "--data-dir", dataDir.toString()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("ENSEMBLE_JWT_SECRET", TestServer.SECRET);
    env.put("ENSEMBLE_STORE", "redis");
    env.put("ENSEMBLE_REDIS_URI", redisUri);
    env.put("ENSEMBLE_GENERATION", "off");
    env.put("ENSEMBLE_EVENT_LOOPS", "1");
    env.put("ENSEMBLE_CLUSTER_ENABLED", "true");
    env.put("ENSEMBLE_CLUSTER_NODE_NAME", name);
    env.put("ENSEMBLE_CLUSTER_HOST", "127.0.0.1");
    env.put("ENSEMBLE_CLUSTER_PORT", Integer.toString(hazelcastPort));
    env.put("ENSEMBLE_CLUSTER_EVENT_BUS_PORT", "0");
    env.put("ENSEMBLE_CLUSTER_MEMBERS", String.join(",", members));
    env.put("ENSEMBLE_CLUSTER_LEASE_MILLIS", "3000");
    env.put("ENSEMBLE_CLUSTER_FAILURE_SECONDS", "4");
    env.putAll(extraEnv);
    process = pb.start();
    started = new CompletableFuture<>();
    Process p = process;
    CompletableFuture<Integer> ready = started;
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("node.log");
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
           Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
               StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        String line;
        while ((line = r.readLine()) != null) {
          output.add(line);
          file.write(line + "\n");
          file.flush();
          Matcher m = URL.matcher(line);
          if (!ready.isDone() && m.find()) {
            ready.complete(Integer.parseInt(m.group(1)));
          }
        }
        ready.completeExceptionally(new IllegalStateException(name + " exited with " + p.waitFor()));
      } catch (IOException | InterruptedException e) {
        ready.completeExceptionally(e);
      }
    }, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits until the node serves HTTP (it joined the cluster first). */
  public ClusterNodeProcess awaitStarted() throws Exception {
    try {
      started.get(START_SECONDS, TimeUnit.SECONDS);
      return this;
    } catch (Exception e) {
      throw new IllegalStateException(name + " did not start: " + lastLines(), e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Resident memory of the node's process, from /proc (Linux), in bytes; -1 when unknown. */
  public long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The members this node's /health says it sees; 0 while it does not answer. */
  public int visibleMembers() {
    try {
      return new RestClient(port).call("GET", "/health", null, null).getJsonObject("cluster").getJsonArray("members").size();
    } catch (Exception e) {
      return 0;
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no drain, no goodbye to the cluster. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then waits for the drain and the exit. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  public void freeze() throws Exception {
    signal("STOP");
  }

  public void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " failed");
    }
  }

  /** Starts this node again, same name and Hazelcast port (a new member id). */
  public ClusterNodeProcess restart() throws Exception {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " still runs");
    }
    launch();
    return awaitStarted();
  }

  public String lastLines() {
    synchronized (output) {
      return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      try {
        thaw();
      } catch (Exception ignored) {
        // it was not frozen, or is gone
      }
      kill();
    }
  }
}
