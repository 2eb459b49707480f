package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ensemble.server.testing.ClusterNodeProcess;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RedisServer;
import org.junit.jupiter.api.Test;

/**
 * A node alone, on a cluster that needs two members to own rooms, is alive (/health 200) but not ready
 * (/health/ready 503 with the reason), so a load balancer sends no clients to it; once a second member
 * joins, both are ready.
 */
class ClusterReadinessIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aNodeWithoutQuorumIsAliveButNotReadyUntilASecondMemberJoins() throws Exception {
    Path dir = Files.createTempDirectory("ensemble-readiness-");
    List<Integer> ports = ClusterNodeProcess.freePorts(2);
    List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    Map<String, String> quorumOfTwo = Map.of("ENSEMBLE_CLUSTER_QUORUM", "2");
    try (RedisServer redis = RedisServer.start();
         ClusterNodeProcess first = ClusterNodeProcess.launch("node1", ports.get(0), members, redis.uri(),
             dir.resolve("node1"), quorumOfTwo).awaitStarted()) {
      assertEquals(200, get(first, "/health").statusCode());
      HttpResponse<String> alone = get(first, "/health/ready");
      assertEquals(503, alone.statusCode(), alone.body());
      assertTrue(alone.body().contains("too few cluster members"), alone.body());
      try (ClusterNodeProcess second = ClusterNodeProcess.launch("node2", ports.get(1), members, redis.uri(),
          dir.resolve("node2"), quorumOfTwo).awaitStarted()) {
        Eventually.await(Duration.ofSeconds(60), () -> status(first) == 200 && status(second) == 200,
            () -> "both nodes ready: " + status(first) + ", " + status(second));
        assertFalse(get(first, "/health/ready").body().contains("reason\":\""), "no reason once ready");
      }
    }
  }

  private int status(ClusterNodeProcess node) {
    try {
      return get(node, "/health/ready").statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private HttpResponse<String> get(ClusterNodeProcess node, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
