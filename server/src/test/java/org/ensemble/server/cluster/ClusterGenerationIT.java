package org.ensemble.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.StateVector;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.testing.ClusterNodeProcess;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.RedisServer;
import org.ensemble.server.testing.RestClient;
import org.ensemble.server.testing.ShippedModel;
import org.ensemble.server.testing.SyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AI co-writer in a cluster of three nodes on one Redis: a request made through a node that does
 * not own the room runs there and writes its candidates through the owner, as the AI; its status is
 * read through a third node; suggestions are accepted and rejected through nodes that own nothing,
 * recorded with who decided; a user's share of jobs counts over every node; a cancel request made
 * through another node reaches the job; and when the
 * node running a job dies, the others answer that job as failed, saying why.
 */
class ClusterGenerationIT {
  private static final Set<String> UNFINISHED = Set.of("queued", "running", "writing");
  /** Eight candidates of eight bars each: long enough that a job queued behind it is still waiting. */
  private static final JsonObject SLOW = new JsonObject().put("mode", "continue").put("bars", 8).put("candidates", 8);

  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final List<ClusterNodeProcess> nodes = new ArrayList<>();
  private RedisServer redis;

  @AfterEach
  void stop() throws Exception {
    for (ClusterNodeProcess n : nodes) {
      n.close();
    }
    if (redis != null) {
      redis.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void aJobRunsOnOneNodeWritesThroughTheOwnerAndIsFollowedCancelledAndDecidedThroughOthers() throws Exception {
    redis = RedisServer.start();
    // The model loads only where a request arrives; one worker per node, so a second job waits.
    Map<String, String> env = Map.of("ENSEMBLE_GENERATION", "lazy",
        "ENSEMBLE_GENERATION_MODEL_DIR", ShippedModel.dir().toString(), "ENSEMBLE_GENERATION_PER_USER", "2");
    nodes.addAll(ClusterNodeProcess.launchAll(3, redis.uri(), dir, env));
    for (ClusterNodeProcess n : nodes) {
      n.awaitStarted();
    }
    RestClient first = new RestClient(nodes.get(0).port());
    String alice = first.token("Alice");
    String bob = first.token("Bob");
    String project = first.call("POST", "/api/projects", alice, new JsonObject().put("title", "Chorale")
        .put("template", "four-part-chorale").put("key", "G major")).getString("id");
    first.call("PUT", "/api/projects/" + project + "/members/bob", alice, new JsonObject().put("role", "editor"));

    // Someone on the first node keeps the room open, so its owner stays put.
    try (SyncClient keeper = SyncClient.connectAndWait(vertx, nodes.get(0).port(), project, alice).awaitSynced()) {
      ClusterNodeProcess owner = owner();
      List<ClusterNodeProcess> others = new ArrayList<>(nodes);
      others.remove(owner);
      ClusterNodeProcess runner = others.get(0);
      ClusterNodeProcess reader = others.get(1);
      RestClient atOwner = new RestClient(owner.port());
      RestClient atRunner = new RestClient(runner.port());
      RestClient atReader = new RestClient(reader.port());
      String jobs = "/api/projects/" + project + "/generate/";

      try (SyncClient bobsCopy = SyncClient.connectAndWait(vertx, reader.port(), project, bob).awaitSynced()) {
        StateVector before = bobsCopy.read(Doc::stateVector);
        JsonObject queued = atRunner.call("POST", "/api/projects/" + project + "/generate", alice, new JsonObject()
            .put("mode", "harmonize").put("region", new JsonObject().put("startBar", 0).put("endBar", 2))
            .put("candidates", 3).put("seed", 3));
        JsonObject job = awaitFinished(atReader, jobs + queued.getString("id"), bob);
        assertEquals("done", job.getString("status"), "read through " + reader.name() + ": " + job.encode());
        List<String> suggestions = job.getJsonArray("suggestions").stream().map(String.class::cast).toList();
        assertEquals(3, suggestions.size(), job.encode());
        assertEquals(job, atOwner.call("GET", jobs + job.getString("id"), bob, null), "every node answers the same");

        Eventually.await(() -> bobsCopy.read(d -> d.getMap("suggestions").size()) == 3,
            () -> "the candidates in the copy of a client of " + reader.name());
        Set<Long> writers = Updates.readContents(bobsCopy.read(d -> d.encodeStateAsUpdate(before.encode())))
            .inserted().keySet();
        assertFalse(writers.isEmpty());
        assertTrue(writers.stream().allMatch(ServerClientIds::isAi), "every new item is the AI's: " + writers);
        assertFalse(writers.contains(ServerClientIds.AI), "the owner writes as the AI of its epoch: " + writers);

        // Decided at the same moment through two nodes that own nothing: both edits reach the owner.
        String decide = "/api/projects/" + project + "/suggestions/";
        CompletableFuture<JsonObject> accepting = CompletableFuture.supplyAsync(() -> call(atReader, "POST",
            decide + suggestions.get(0) + "/accept", bob, new JsonObject()));
        CompletableFuture<JsonObject> rejecting = CompletableFuture.supplyAsync(() -> call(atRunner, "POST",
            decide + suggestions.get(1) + "/reject", bob, null));
        JsonObject accepted = accepting.get(30, TimeUnit.SECONDS);
        rejecting.get(30, TimeUnit.SECONDS);
        List<Object> acceptedNotes = accepted.getJsonArray("accepted").getList();
        assertFalse(acceptedNotes.isEmpty(), accepted.encode());
        Eventually.await(() -> bobsCopy.read(d -> d.getMap("suggestions").size()) == 1, () -> "two suggestions decided");
        Map<?, ?> origin = placedNoteOrigin(bobsCopy, acceptedNotes.get(0));
        assertEquals("ai", origin.get("kind"), origin.toString());
        assertEquals("bob", ((Map<?, ?>) origin.get("acceptedBy")).get("id"), origin.toString());

        JsonObject ledger = atReader.call("GET", "/api/projects/" + project + "/attribution", alice, null);
        JsonObject fates = ledger.getJsonObject("suggestions");
        assertEquals(3, fates.getInteger("total"), ledger.encode());
        assertEquals(1, fates.getInteger("accepted"), ledger.encode());
        assertEquals(1, fates.getInteger("rejected"), ledger.encode());
        assertEquals(1, fates.getInteger("pending"), ledger.encode());
        assertTrue(ledger.getJsonObject("share").getDouble("ai") > 0, "the AI is credited with its notes: " + ledger.encode());
      }

      // A cancel request made through another node reaches the job waiting on the runner.
      String running = atRunner.call("POST", "/api/projects/" + project + "/generate", alice, SLOW).getString("id");
      String waiting = atRunner.call("POST", "/api/projects/" + project + "/generate", alice, SLOW).getString("id");
      // Two jobs on the runner are the user's share of the whole cluster: asking through another node is refused.
      AssertionError refused = assertThrows(AssertionError.class,
          () -> atReader.call("POST", "/api/projects/" + project + "/generate", alice, SLOW));
      assertTrue(refused.getMessage().contains("429 ") && refused.getMessage().contains(
          "you already have 2 generation jobs queued or running"), refused.getMessage());
      JsonObject asked = atReader.call("DELETE", jobs + waiting, alice, null);
      assertEquals(waiting, asked.getString("id"), asked.encode());
      JsonObject cancelled = awaitFinished(atOwner, jobs + waiting, alice);
      assertEquals("cancelled", cancelled.getString("status"), "cancelled through " + reader.name() + ": " + cancelled);

      // The runner dies with a job queued behind the slow one: the others say it failed, and why.
      String lost = atRunner.call("POST", "/api/projects/" + project + "/generate", alice, SLOW).getString("id");
      assertTrue(UNFINISHED.contains(atReader.call("GET", jobs + lost, alice, null).getString("status")));
      long killed = System.nanoTime();
      runner.kill();
      for (RestClient survivor : List.of(atReader, atOwner)) {
        JsonObject failed = awaitFinished(survivor, jobs + lost, alice);
        assertEquals("failed", failed.getString("status"), failed.encode());
        assertEquals("the server that was writing these suggestions stopped; ask again", failed.getString("error"));
      }
      // A figure for the notes, not an assertion: how soon the others tell that the job is lost.
      System.out.printf("figure: a dead runner's job answers failed %d ms after kill -9"
          + " (heartbeat timeout 4 s; Hazelcast notices a killed member's closed connections sooner)%n",
          (System.nanoTime() - killed) / 1_000_000);
      JsonObject slow = atReader.call("GET", jobs + running, alice, null);
      assertFalse(UNFINISHED.contains(slow.getString("status")), "the slow job is finished or failed: " + slow);
      assertFalse(keeper.isClosed(), "the owner's clients did not notice");
    }
  }

  /** The node whose /health says it owns a room (the project's: the only one). */
  private ClusterNodeProcess owner() throws Exception {
    List<ClusterNodeProcess> owners = new ArrayList<>();
    for (ClusterNodeProcess n : nodes) {
      JsonObject cluster = new RestClient(n.port()).call("GET", "/health", null, null).getJsonObject("cluster");
      if (cluster.getInteger("ownedRooms") > 0) {
        owners.add(n);
      }
    }
    assertEquals(1, owners.size(), "one owner of the one room");
    return owners.get(0);
  }

  private static JsonObject call(RestClient node, String method, String path, String token, JsonObject body) {
    try {
      return node.call(method, path, token, body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private JsonObject awaitFinished(RestClient node, String path, String token) {
    JsonObject[] last = new JsonObject[1];
    Eventually.await(Duration.ofSeconds(60), () -> {
      last[0] = call(node, "GET", path, token, null);
      return !UNFINISHED.contains(last[0].getString("status"));
    }, () -> path + " to finish: " + last[0]);
    return last[0];
  }

  private static Map<?, ?> placedNoteOrigin(SyncClient client, Object noteId) {
    return client.read(d -> {
      for (Object t : d.getArray("tracks")) {
        for (Object n : (YArray) ((YMap) t).get("notes")) {
          Map<String, Object> note = ((YMap) n).toJSON();
          if (noteId.equals(note.get("id"))) {
            return (Map<?, ?>) note.get("origin");
          }
        }
      }
      throw new AssertionError("accepted note " + noteId + " is in no track");
    });
  }
}
