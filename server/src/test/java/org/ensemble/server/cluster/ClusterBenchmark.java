package org.ensemble.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ensemble.server.testing.ClusterNodeProcess;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RedisServer;
import org.ensemble.server.testing.RestClient;
import org.ensemble.server.testing.SyncClient;

/**
 * The cluster's figures (issue 14), a benchmark, not a test: run its main with the test classpath.
 * Three nodes in their own JVMs and a Redis on this machine, as ClusterIT starts them. Prints:
 * how long three nodes take to form; the relay hop's cost (edit to peers, writer and readers on the
 * owner vs. on two other nodes); failover after kill -9 of a room's owner (time until edits flow
 * again, p50 and max, and acknowledged edits lost); how 1,000 rooms spread and each node's memory.
 *
 * <p>Arguments: {@code [kills, default 10] [rooms, default 1000]}.
 */
public final class ClusterBenchmark {
  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int kills = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int roomCount = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Vertx vertx = Vertx.vertx();
    List<ClusterNodeProcess> nodes = new ArrayList<>();
    try (RedisServer redis = RedisServer.start()) {
      Path dir = Files.createTempDirectory("ensemble-cluster-bench-");
      System.out.println("nodes' logs in " + dir);
      long start = System.nanoTime();
      nodes.addAll(ClusterNodeProcess.launchAll(3, redis.uri(), dir,
          Map.of("ENSEMBLE_LIMITS_MAX_CONNECTIONS_PER_USER", "5000")));
      for (ClusterNodeProcess n : nodes) {
        n.awaitStarted();
      }
      Eventually.await(Duration.ofSeconds(120), () -> nodes.stream().allMatch(n -> n.visibleMembers() == 3), () -> "formed");
      System.out.printf("formation: three nodes up and seeing each other in %.1f s%n", (System.nanoTime() - start) / 1e9);
      String token = new RestClient(nodes.get(0).port()).token("Bench");

      relayHop(vertx, nodes, token);
      failover(vertx, nodes, token, kills);
      spread(vertx, nodes, token, roomCount);
    } finally {
      for (ClusterNodeProcess n : nodes) {
        n.close();
      }
      vertx.close();
    }
  }

  /** Edit to peers: writer and readers on the room's owner, then writer and readers on the two other nodes. */
  private static void relayHop(Vertx vertx, List<ClusterNodeProcess> nodes, String token) throws Exception {
    String project = new RestClient(nodes.get(0).port()).call("POST", "/api/projects", token,
        new JsonObject().put("title", "relay")).getString("id");
    try (SyncClient owner = SyncClient.connectAndWait(vertx, nodes.get(0).port(), project, token).awaitSynced()) {
      for (String shape : List.of("same node", "other nodes")) {
        int writerNode = shape.equals("same node") ? 0 : 1;
        int readerNode = shape.equals("same node") ? 0 : 2;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<SyncClient> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          SyncClient r = SyncClient.connectAndWait(vertx, nodes.get(readerNode).port(), project, token).awaitSynced();
          r.read(doc -> {
            doc.onUpdate((u, origin, t) -> {
              Object sent = doc.getMap("probe").get("sent");
              if (sent != null) {
                latencies.add(System.nanoTime() - Long.parseLong(sent.toString()));
              }
            });
            return null;
          });
          readers.add(r);
        }
        try (SyncClient writer = SyncClient.connectAndWait(vertx, nodes.get(writerNode).port(), project, token).awaitSynced()) {
          for (int i = 0; i < 300; i++) {
            writer.edit(doc -> doc.getMap("probe").set("sent", Long.toString(System.nanoTime())));
            Thread.sleep(20); // 50 edits per second, well below saturation
          }
          Eventually.await(Duration.ofSeconds(30), () -> latencies.size() >= 4 * 300, () -> "every edit reached the 4 peers");
        }
        readers.forEach(SyncClient::close);
        long[] ns = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("relay: %-11s edit -> 4 peers: p50 %.1f ms, p99 %.1f ms (%d deliveries)%n", shape,
            percentile(ns, 0.50) / 1e6, percentile(ns, 0.99) / 1e6, ns.length);
      }
    }
  }

  /** Kills the owner of a busy room again and again; measures until edits flow again and what was lost. */
  private static void failover(Vertx vertx, List<ClusterNodeProcess> nodes, String token, int kills) throws Exception {
    List<Double> seconds = new ArrayList<>();
    int lost = 0;
    int acknowledged = 0;
    for (int k = 0; k < kills; k++) {
      int victim = k % 3;
      String project = new RestClient(nodes.get(victim).port()).call("POST", "/api/projects", token,
          new JsonObject().put("title", "failover " + k)).getString("id");
      NoteStream first = NoteStream.observer(vertx, () -> nodes, victim, project, token);
      Eventually.await(Duration.ofSeconds(30), () -> first.connections() > 0, () -> "observer connected");
      NoteStream w1 = NoteStream.writer(vertx, () -> nodes, (victim + 1) % 3, project, token, "w1");
      NoteStream w2 = NoteStream.writer(vertx, () -> nodes, (victim + 2) % 3, project, token, "w2");
      NoteStream obs = NoteStream.observer(vertx, () -> nodes, (victim + 1) % 3, project, token);
      Eventually.await(Duration.ofSeconds(30), () -> union(first, obs).size() >= 100, () -> "edits flow");
      int before = union(first, obs).size();
      long killed = System.nanoTime();
      nodes.get(victim).kill();
      Eventually.await(Duration.ofSeconds(60), () -> union(first, obs).size() > before + 5, () -> "edits flow again");
      seconds.add((System.nanoTime() - killed) / 1e9);
      int flowing = union(first, obs).size();
      Eventually.await(Duration.ofSeconds(30), () -> union(first, obs).size() >= flowing + 20, () -> "edits keep flowing");
      for (NoteStream s : List.of(w1, w2, obs, first)) {
        s.close();
      }
      Set<String> accepted = union(first, obs);
      int alive = (victim + 1) % 3;
      try (SyncClient check = checkClient(vertx, nodes, alive, project, token)) {
        Set<String> stored = check.read(NoteStream::ids);
        Set<String> missing = new TreeSet<>(accepted);
        missing.removeAll(stored);
        lost += missing.size();
        acknowledged += accepted.size();
      }
      nodes.get(victim).restart();
      Eventually.await(Duration.ofSeconds(60), () -> nodes.stream().allMatch(n -> n.visibleMembers() == 3), () -> "re-formed");
    }
    double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf("failover: %d kills -9 of a room's owner; edits flowing again after p50 %.2f s, max %.2f s "
        + "(all: %s); acknowledged edits lost: %d of %d%n", kills, s[s.length / 2], s[s.length - 1],
        Arrays.toString(Arrays.stream(s).map(x -> Math.round(x * 100) / 100.0).toArray()), lost, acknowledged);
  }

  /** Opens rooms through the three nodes in turn, one idle client each; counts each node's rooms and memory. */
  private static void spread(Vertx vertx, List<ClusterNodeProcess> nodes, String token, int rooms) throws Exception {
    long[] before = nodes.stream().mapToLong(ClusterNodeProcess::residentBytes).toArray();
    List<SyncClient> clients = new ArrayList<>();
    java.util.Random random = new java.util.Random(14);
    try {
      for (int i = 0; i < rooms; i++) {
        // A load balancer without stickiness: each room's first client lands on a random node.
        int node = random.nextInt(3);
        String project = new RestClient(nodes.get(node).port()).call("POST", "/api/projects", token,
            new JsonObject().put("title", "room " + i)).getString("id");
        clients.add(SyncClient.connectAndWait(vertx, nodes.get(node).port(), project, token).awaitSynced());
      }
      Eventually.await(Duration.ofSeconds(60), () -> ownedRooms(nodes) == rooms, () -> "every room owned");
      for (int i = 0; i < nodes.size(); i++) {
        JsonObject h = new RestClient(nodes.get(i).port()).call("GET", "/health", null, null);
        long after = nodes.get(i).residentBytes();
        System.out.printf("spread: node%d owns %d of %d rooms; resident %d MB before, %d MB with them%n", i + 1,
            h.getJsonObject("cluster").getInteger("ownedRooms"), rooms, before[i] >> 20, after >> 20);
      }
    } finally {
      clients.forEach(SyncClient::close);
    }
  }

  private static SyncClient checkClient(Vertx vertx, List<ClusterNodeProcess> nodes, int node, String project,
                                       String token) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        return SyncClient.connectAndWait(vertx, nodes.get(node).port(), project, token).awaitSynced();
      } catch (Exception e) {
        System.out.println("  (a check client did not sync on node" + (node + 1) + ": " + e + "; health "
            + new RestClient(nodes.get(node).port()).call("GET", "/health", null, null).getJsonObject("cluster") + ")");
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static Set<String> union(NoteStream... streams) {
    Set<String> all = new TreeSet<>();
    for (NoteStream s : streams) {
      all.addAll(s.seen());
    }
    return all;
  }

  private static int ownedRooms(List<ClusterNodeProcess> nodes) {
    int owned = 0;
    for (ClusterNodeProcess n : nodes) {
      try {
        owned += new RestClient(n.port()).call("GET", "/health", null, null).getJsonObject("cluster").getInteger("ownedRooms");
      } catch (Exception e) {
        return -1;
      }
    }
    return owned;
  }


  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }
}
