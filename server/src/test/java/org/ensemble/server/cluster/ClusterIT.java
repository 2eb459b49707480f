package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.sync.CloseCodes;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.testing.ClusterNodeProcess;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RedisServer;
import org.ensemble.server.testing.RestClient;
import org.ensemble.server.testing.StockYjsClient;
import org.ensemble.server.testing.SyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three Ensemble nodes in their own JVMs on one real Redis, clustered by Hazelcast on loopback, and
 * clients on all of them. One cluster serves every test, in order; the tests that kill, freeze or
 * restart nodes come last and leave all three running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final Duration MOVE = Duration.ofSeconds(45);

  private Vertx vertx;
  private RedisServer redis;
  private Path dir;
  private final List<ClusterNodeProcess> nodes = new ArrayList<>();
  private String alice;
  private String bob;

  @BeforeAll
  void startCluster() throws Exception {
    vertx = Vertx.vertx();
    redis = RedisServer.start();
    dir = Files.createTempDirectory("ensemble-cluster-");
    nodes.addAll(ClusterNodeProcess.launchAll(3, redis.uri(), dir, Map.of()));
    for (ClusterNodeProcess n : nodes) {
      n.awaitStarted();
    }
    Eventually.await(Duration.ofSeconds(60), () -> nodes.stream().allMatch(n -> n.visibleMembers() == 3),
        () -> "the three nodes did not see each other");
    alice = rest(0).token("Alice");
    bob = rest(0).token("Bob");
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (ClusterNodeProcess n : nodes) {
      n.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  @Test
  @Order(1)
  void clientsOnThreeNodesCoEditOneProjectAndALateJoinerGetsItAll() throws Exception {
    String project = newProject("Across nodes");
    rest(0).call("PUT", "/api/projects/" + project + "/members/bob", alice, new JsonObject().put("role", "editor"));
    try (SyncClient a = SyncClient.connectAndWait(vertx, port(0), project, alice).awaitSynced();
         SyncClient b = SyncClient.connectAndWait(vertx, port(1), project, bob).awaitSynced();
         StockYjsClient stock = StockYjsClient.start()) {
      stock.connect(port(2), project, alice);
      stock.call(new JsonObject().put("op", "waitSynced").put("timeoutMs", 20_000));
      // Plain maps in the stock client's "tracks" array, which it reads back as JSON.
      a.edit(doc -> doc.getArray("tracks").push(List.of(Map.of("id", "from-node1"))));
      b.edit(doc -> doc.getArray("tracks").push(List.of(Map.of("id", "from-node2"))));
      stock.call(new JsonObject().put("op", "addNote").put("track", "t1").put("id", "from-node3").put("pitch", 64));
      Eventually.await(Duration.ofSeconds(20), () -> seesAll(a) && seesAll(b),
          () -> "a: " + a.read(d -> d.getArray("tracks").toJSON()) + "; b: " + b.read(d -> d.getArray("tracks").toJSON()));
      stock.call(new JsonObject().put("op", "waitFor").put("contains", "from-node2").put("timeoutMs", 20_000));
      stock.call(new JsonObject().put("op", "waitFor").put("contains", "from-node1").put("timeoutMs", 20_000));
      try (SyncClient late = SyncClient.connectAndWait(vertx, port(1), project, alice).awaitSynced()) {
        assertTrue(seesAll(late), "the late joiner got everything");
      }
      // One node owns the room; the two others relay to it.
      int owners = 0;
      for (int i = 0; i < 3; i++) {
        owners += health(i).getJsonObject("cluster").getInteger("ownedRooms");
      }
      assertEquals(1, owners, "exactly one node owns the room");
    }
  }

  private static boolean seesAll(SyncClient c) {
    String tracks = c.read(d -> d.getArray("tracks").toJSON().toString());
    return tracks.contains("from-node1") && tracks.contains("from-node2") && tracks.contains("from-node3");
  }

  @Test
  @Order(2)
  void roomsSpreadOverTheNodesWhereTheirClientsArrive() throws Exception {
    List<SyncClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        // Created through the node its first client uses, as one behind a load balancer with sticky
        // sessions would be; the creating node takes the room first.
        String project = newProject(i % 3, "Spread " + i);
        clients.add(SyncClient.connectAndWait(vertx, port(i % 3), project, alice).awaitSynced());
      }
      for (int i = 0; i < 3; i++) {
        assertTrue(health(i).getJsonObject("cluster").getInteger("ownedRooms") >= 2, "node" + (i + 1) + " owns rooms: " + health(i));
      }
    } finally {
      clients.forEach(SyncClient::close);
    }
  }

  @Test
  @Order(3)
  void aRoleChangeThroughOneNodeHoldsOnAnotherAtOnceAndADeletionClosesClientsEverywhere() throws Exception {
    String project = newProject("Roles");
    rest(0).call("PUT", "/api/projects/" + project + "/members/bob", alice, new JsonObject().put("role", "editor"));
    try (SyncClient owner = SyncClient.connectAndWait(vertx, port(0), project, alice).awaitSynced();
         SyncClient bobOnTwo = SyncClient.connectAndWait(vertx, port(1), project, bob).awaitSynced()) {
      bobOnTwo.edit(doc -> doc.getArray("notes").push(List.of(Map.of("id", "bob-as-editor"))));
      Eventually.await(() -> owner.read(d -> d.getArray("notes").toJSON().toString()).contains("bob-as-editor"), () -> "bob's note");
      rest(2).call("PUT", "/api/projects/" + project + "/members/bob", alice, new JsonObject().put("role", "viewer"));
      assertEquals(CloseCodes.FORBIDDEN, bobOnTwo.awaitClose(), "bob's connection on node2 was closed: " + bobOnTwo.closeReason());
      try (SyncClient viewer = SyncClient.connectAndWait(vertx, port(1), project, bob).awaitSynced()) {
        viewer.edit(doc -> doc.getArray("notes").push(List.of(Map.of("id", "bob-as-viewer"))));
        Eventually.await(() -> !viewer.permissionDenied().isEmpty(), () -> "a viewer's edit is refused");
        assertFalse(owner.read(d -> d.getArray("notes").toJSON().toString()).contains("bob-as-viewer"));
      }
      try (SyncClient aliceOnThree = SyncClient.connectAndWait(vertx, port(2), project, alice).awaitSynced()) {
        rest(1).call("DELETE", "/api/projects/" + project, alice, null);
        assertEquals(CloseCodes.NOT_FOUND, owner.awaitClose());
        assertEquals(CloseCodes.NOT_FOUND, aliceOnThree.awaitClose(), "closed on node3 too: " + aliceOnThree.closeReason());
      }
    }
  }

  @Test
  @Order(4)
  void badInputAtANodeThatDoesNotOwnTheRoomIsRefusedWithTheSameCodes() throws Exception {
    String project = newProject("Bad input");
    try (SyncClient owner = SyncClient.connectAndWait(vertx, port(0), project, alice).awaitSynced()) {
      owner.edit(doc -> doc.getArray("notes").push(List.of(Map.of("id", "kept"))));
      double malformedAtOwner = refused(0, "malformed");
      try (SyncClient bad = SyncClient.connectAndWait(vertx, port(1), project, alice).awaitSynced()) {
        bad.send(new byte[] {0, 2, 5, (byte) 0xff, (byte) 0xff, 1, 2});
        assertEquals(CloseCodes.MALFORMED_MESSAGE, bad.awaitClose(), bad.closeReason());
      }
      assertEquals(malformedAtOwner, refused(0, "malformed"), "the malformed update never reached the owner");
      try (SyncClient forger = SyncClient.connectAndWait(vertx, port(2), project, alice).awaitSynced()) {
        forger.read(doc -> {
          doc.setClientId(ServerClientIds.AI);
          return null;
        });
        forger.edit(doc -> doc.getArray("notes").push(List.of(Map.of("id", "forged"))));
        assertEquals(CloseCodes.FORBIDDEN, forger.awaitClose(), forger.closeReason());
        assertTrue(forger.closeReason().contains("the AI's"), forger.closeReason());
      }
      try (SyncClient check = SyncClient.connectAndWait(vertx, port(1), project, alice).awaitSynced()) {
        String notes = check.read(d -> d.getArray("notes").toJSON().toString());
        assertTrue(notes.contains("kept") && !notes.contains("forged"), notes);
      }
    }
  }

  @Test
  @Order(10)
  void killingTheOwnerOfManyRoomsLosesNoAcknowledgedEdit() throws Exception {
    // One busy room with writers through all three nodes, and three more with a writer each, all
    // owned by node1 (their first clients are there).
    List<String> projects = new ArrayList<>();
    List<NoteStream> writers = new ArrayList<>();
    List<List<NoteStream>> observers = new ArrayList<>();
    try {
      for (int r = 0; r < 4; r++) {
        String project = newProject(0, "Kill -9 #" + r);
        rest(0).call("PUT", "/api/projects/" + project + "/members/bob", alice, new JsonObject().put("role", "editor"));
        projects.add(project);
        NoteStream onOwner = NoteStream.observer(vertx, () -> nodes, 0, project, alice);
        Eventually.await(() -> onOwner.connections() > 0, () -> "the first observer connected");
        observers.add(new ArrayList<>(List.of(onOwner, NoteStream.observer(vertx, () -> nodes, 1 + r % 2, project, bob))));
        writers.add(NoteStream.writer(vertx, () -> nodes, 1 + (r + 1) % 2, project, bob, "b" + r));
        if (r == 0) {
          writers.add(NoteStream.writer(vertx, () -> nodes, 0, project, alice, "a0"));
          writers.add(NoteStream.writer(vertx, () -> nodes, 2, project, alice, "a2"));
        }
      }
      Eventually.await(() -> health(0).getJsonObject("cluster").getInteger("ownedRooms") >= 4, () -> "node1 owns the rooms: " + health(0));
      Eventually.await(Duration.ofSeconds(30), () -> observers.stream().allMatch(o -> accepted(o).size() >= 40), () -> "edits flow");
      nodes.get(0).kill();
      List<Integer> before = observers.stream().map(o -> accepted(o).size()).toList();
      for (int r = 0; r < 4; r++) {
        int room = r;
        Eventually.await(MOVE, () -> accepted(observers.get(room)).size() >= before.get(room) + 40,
            () -> "edits flow again in room " + room + " after the kill: " + accepted(observers.get(room)).size()
                + " accepted, " + before.get(room) + " before");
      }
    } finally {
      for (NoteStream s : writers) {
        s.close();
      }
      for (List<NoteStream> o : observers) {
        for (NoteStream s : o) {
          s.close();
        }
      }
    }
    nodes.get(0).restart();
    for (int r = 0; r < 4; r++) {
      assertNothingLost(projects.get(r), accepted(observers.get(r)), r % 3);
    }
    JsonObject stats = rest(1).call("GET", "/api/projects/" + projects.get(0) + "/attribution", alice, null);
    Set<String> authors = new TreeSet<>();
    stats.getJsonArray("authors").forEach(o -> authors.add(((JsonObject) o).getString("actor")));
    assertTrue(authors.containsAll(Set.of("alice", "bob")), "the ledger names every author: " + authors);
  }

  @Test
  @Order(11)
  void aFrozenOwnerIsFencedOffAndStepsDownWhenItWakes() throws Exception {
    String project = newProject(1, "SIGSTOP");
    try (NoteStream onOwner = NoteStream.writer(vertx, () -> nodes, 1, project, alice, "frozen")) {
      Eventually.await(() -> health(1).getJsonObject("cluster").getInteger("ownedRooms") >= 1, () -> "node2 owns the room");
      NoteStream other = NoteStream.writer(vertx, () -> nodes, 2, project, alice, "other");
      NoteStream obs = NoteStream.observer(vertx, () -> nodes, 2, project, alice);
      try {
        Eventually.await(Duration.ofSeconds(30), () -> obs.seen().size() >= 100, () -> "edits flow");
        nodes.get(1).freeze();
        int before = obs.seen().size();
        // The lease expires, node3 (where the relayed clients are) takes the room and edits flow there.
        Eventually.await(MOVE, () -> obs.seen().size() >= before + 100, () -> "edits flow without the frozen owner");
        nodes.get(1).thaw();
        Eventually.await(MOVE, () -> metric(1, "ensemble_cluster_step_downs_total") >= 1,
            () -> "the woken node stepped down: " + health(1));
        int after = obs.seen().size();
        Eventually.await(MOVE, () -> obs.seen().size() >= after + 50, () -> "edits flow after the thaw");
      } finally {
        other.close();
        onOwner.close();
        obs.close();
      }
      assertNothingLost(project, obs.seen(), 0);
    }
  }

  @Test
  @Order(12)
  void aRollingRestartOfAllThreeNodesLosesNothing() throws Exception {
    String project = newProject("Rolling");
    NoteStream w0 = NoteStream.writer(vertx, () -> nodes, 0, project, alice, "r0");
    NoteStream w1 = NoteStream.writer(vertx, () -> nodes, 1, project, alice, "r1");
    NoteStream obs = NoteStream.observer(vertx, () -> nodes, 2, project, alice);
    NoteStream obs2 = NoteStream.observer(vertx, () -> nodes, 0, project, alice);
    try {
      for (int i = 0; i < 3; i++) {
        int before = accepted(obs, obs2).size();
        Eventually.await(MOVE, () -> accepted(obs, obs2).size() >= before + 50, () -> "edits flow");
        nodes.get(i).stop();
        nodes.get(i).restart();
      }
      int before = accepted(obs, obs2).size();
      Eventually.await(MOVE, () -> accepted(obs, obs2).size() >= before + 50, () -> "edits flow after the restarts");
    } finally {
      w0.close();
      w1.close();
      obs.close();
      obs2.close();
    }
    assertNothingLost(project, accepted(obs, obs2), 2);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void assertNothingLost(String project, Set<String> accepted, int node) throws Exception {
    try (SyncClient check = SyncClient.connectAndWait(vertx, port(node), project, alice).awaitSynced()) {
      List<String> stored = check.read(NoteStream::idList);
      Set<String> missing = new TreeSet<>(accepted);
      missing.removeAll(stored);
      assertTrue(missing.isEmpty(), "lost " + missing.size() + " of " + accepted.size() + " acknowledged notes: " + missing);
      assertEquals(List.of(), NoteStream.duplicates(stored), "notes stored twice");
    }
  }

  private static Set<String> accepted(List<NoteStream> observers) {
    return accepted(observers.toArray(NoteStream[]::new));
  }

  private static Set<String> accepted(NoteStream... observers) {
    Set<String> all = new TreeSet<>();
    for (NoteStream o : observers) {
      all.addAll(o.seen());
    }
    return all;
  }

  private String newProject(String title) throws Exception {
    return newProject(0, title);
  }

  private String newProject(int node, String title) throws Exception {
    return rest(node).call("POST", "/api/projects", alice, new JsonObject().put("title", title)).getString("id");
  }

  private int port(int node) {
    return nodes.get(node).port();
  }

  private RestClient rest(int node) {
    return new RestClient(port(node));
  }

  private JsonObject health(int node) {
    try {
      return rest(node).call("GET", "/health", null, null);
    } catch (Exception e) {
      return new JsonObject().put("cluster", new JsonObject().put("ownedRooms", 0).put("members", List.of()));
    }
  }


  private double refused(int node, String reason) throws Exception {
    return metric(node, "ensemble_refused_total{reason=\"" + reason + "\"}");
  }

  private double metric(int node, String name) {
    try {
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port(node) + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      for (String line : r.body().split("\n")) {
        if (line.startsWith(name + " ")) {
          return Double.parseDouble(line.substring(name.length() + 1).trim());
        }
      }
      return 0;
    } catch (Exception e) {
      return -1;
    }
  }
}
