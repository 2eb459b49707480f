package org.ensemble.server.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.StateVector;
import org.ensemble.protocol.crdt.Updates;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.config.GenerationConfig;
import org.ensemble.server.sync.ServerClientIds;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.ShippedModel;
import org.ensemble.server.testing.StockYjsClient;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.ensemble.server.testing.TestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AI co-writer through the REST API and the sync protocol, with the shipped model: a request
 * becomes suggestions in every client's copy, written under the AI's client ids; accepting and
 * rejecting go through the server; bad requests, viewers and a full queue are refused with reasons.
 */
@ExtendWith(VertxExtension.class)
class GenerationApiIT {
  @TempDir
  Path dir;
  private TestServer server;

  private void start(Vertx vertx, int workers, int queue, int perUser) throws Exception {
    start(vertx, ShippedModel.dir(), workers, queue, perUser);
  }

  private void start(Vertx vertx, Path model, int workers, int queue, int perUser) throws Exception {
    server = TestServer.start(vertx, TestServer.config(dir)
        .withGeneration(new GenerationConfig(GenerationConfig.Load.EAGER, model, workers, queue, perUser)));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private String chorale(String token) throws Exception {
    return server.createProject(token, new JsonObject().put("title", "Chorale").put("template", "four-part-chorale")
        .put("key", "G major"));
  }

  private JsonObject awaitJob(String token, String projectId, String jobId) {
    JsonObject[] last = new JsonObject[1];
    Eventually.await(() -> {
      last[0] = server.call("GET", "/api/projects/" + projectId + "/generate/" + jobId, token, null).body();
      String status = last[0].getString("status");
      return !"queued".equals(status) && !"running".equals(status) && !"writing".equals(status);
    }, () -> "job " + jobId + " to finish: " + last[0]);
    return last[0];
  }

  @Test
  void suggestionsAppearInAnotherClientsCopyWrittenByTheAiAndAreAcceptedThroughTheServer(Vertx vertx) throws Exception {
    start(vertx, 1, 4, 2);
    String alice = server.token("Alice");
    String bob = server.token("Bob");
    String id = chorale(alice);
    server.addMember(alice, id, "bob", "editor");
    try (SyncClient bobsCopy = SyncClient.connectAndWait(vertx, server.port(), id, bob).awaitSynced();
         StockYjsClient alicesBrowser = StockYjsClient.start()) {
      alicesBrowser.connect(server.port(), id, alice);
      StateVector before = bobsCopy.read(Doc::stateVector);
      Response queued = server.call("POST", "/api/projects/" + id + "/generate", alice, new JsonObject()
          .put("mode", "harmonize").put("region", new JsonObject().put("startBar", 0).put("endBar", 2))
          .put("candidates", 3).put("seed", 3));
      assertEquals(202, queued.status(), queued.text());
      JsonObject job = awaitJob(alice, id, queued.body().getString("id"));
      assertEquals("done", job.getString("status"), job.encode());
      assertEquals(1.0, job.getDouble("progress"));
      List<String> suggestionIds = job.getJsonArray("suggestions").stream().map(String.class::cast).toList();
      assertEquals(3, suggestionIds.size());

      Eventually.await(() -> bobsCopy.read(d -> d.getMap("suggestions").size()) == 3, () -> "suggestions in Bob's copy");
      Map<String, Object> first = bobsCopy.read(d -> ((YMap) d.getMap("suggestions").get(suggestionIds.get(0))).toJSON());
      assertEquals("pending", first.get("status"));
      assertEquals("harmonize", first.get("mode"));
      assertEquals("alice", ((Map<?, ?>) first.get("requestedBy")).get("id"));
      assertEquals("/api/generation/model", ((Map<?, ?>) first.get("model")).get("card"));
      List<?> notes = (List<?>) first.get("notes");
      assertFalse(notes.isEmpty());
      Set<Object> voices = notes.stream().map(n -> ((Map<?, ?>) n).get("voice")).collect(Collectors.toSet());
      assertEquals(Set.of("alto", "tenor", "bass"), voices, "harmonize writes the three lower voices");

      byte[] diff = bobsCopy.read(d -> d.encodeStateAsUpdate(before.encode()));
      Set<Long> writers = Updates.readContents(diff).inserted().keySet();
      assertFalse(writers.isEmpty());
      assertTrue(writers.stream().allMatch(ServerClientIds::isAi), "every new item has an AI client id: " + writers);

      JsonObject seenByYjs = alicesBrowser.call(new JsonObject().put("op", "waitSuggestions").put("count", 3));
      assertEquals(Set.copyOf(suggestionIds), seenByYjs.getJsonObject("json").fieldNames(), "the stock yjs client has all");
      List<Long> yjsWriters = seenByYjs.getJsonArray("writers").stream().map(w -> ((Number) w).longValue()).toList();
      assertFalse(yjsWriters.isEmpty());
      assertTrue(yjsWriters.stream().allMatch(ServerClientIds::isAi), "the stock client sees AI authors: " + yjsWriters);

      Response model = server.call("GET", "/api/generation/model", bob, null);
      assertEquals(200, model.status(), model.text());
      assertEquals(((Map<?, ?>) first.get("model")).get("version"), model.body().getString("version"));
      assertTrue(model.body().getString("card").contains("Bach"), "the card says what the model learned from");

      Response accepted = server.call("POST", "/api/projects/" + id + "/suggestions/" + suggestionIds.get(0) + "/accept",
          bob, new JsonObject());
      assertEquals(200, accepted.status(), accepted.text());
      List<Object> acceptedIds = accepted.body().getJsonArray("accepted").getList();
      assertEquals(notes.size(), acceptedIds.size());
      Eventually.await(() -> bobsCopy.read(d -> !d.getMap("suggestions").has(suggestionIds.get(0))),
          () -> "the accepted suggestion left the suggestions");
      List<Map<String, Object>> altoNotes = trackNotes(bobsCopy, "alto");
      Map<String, Object> placed = altoNotes.stream().filter(n -> acceptedIds.contains(n.get("id"))).findFirst().orElseThrow();
      Map<?, ?> origin = (Map<?, ?>) placed.get("origin");
      assertEquals("ai", origin.get("kind"));
      assertEquals("bob", ((Map<?, ?>) origin.get("acceptedBy")).get("id"));
      assertEquals("alice", ((Map<?, ?>) origin.get("requestedBy")).get("id"));
      for (Map<String, Object> n : altoNotes) {
        assertTrue(acceptedIds.contains(n.get("id")), "the old alto notes of bars 0–2 made room: " + n);
      }

      List<?> secondNotes = (List<?>) bobsCopy.read(d ->
          ((YMap) d.getMap("suggestions").get(suggestionIds.get(1))).toJSON()).get("notes");
      String picked = (String) ((Map<?, ?>) secondNotes.get(0)).get("id");
      Response partly = server.call("POST", "/api/projects/" + id + "/suggestions/" + suggestionIds.get(1) + "/accept",
          bob, new JsonObject().put("notes", new JsonArray().add(picked)));
      assertEquals(200, partly.status(), partly.text());
      assertEquals(List.of(picked), partly.body().getJsonArray("accepted").getList());
      Eventually.await(() -> bobsCopy.read(d -> !d.getMap("suggestions").has(suggestionIds.get(1))),
          () -> "a suggestion accepted in part leaves the suggestions too");
      Eventually.await(() -> trackNotes(bobsCopy, (String) ((Map<?, ?>) secondNotes.get(0)).get("track")).stream()
          .anyMatch(n -> picked.equals(n.get("id"))), () -> "the picked note in its track");
      refused(404, "no such suggestion", server.call("POST", "/api/projects/" + id + "/suggestions/"
          + suggestionIds.get(1) + "/accept", bob, new JsonObject().put("notes", new JsonArray().add(picked))));

      Response rejected = server.call("POST", "/api/projects/" + id + "/suggestions/" + suggestionIds.get(2) + "/reject",
          bob, null);
      assertEquals(204, rejected.status(), rejected.text());
      Eventually.await(() -> bobsCopy.read(d -> !d.getMap("suggestions").has(suggestionIds.get(2))), () -> "rejected one gone");
      Response again = server.call("POST", "/api/projects/" + id + "/suggestions/" + suggestionIds.get(2) + "/reject",
          bob, null);
      assertEquals(404, again.status());

      JsonObject ledger = server.call("GET", "/api/projects/" + id + "/attribution", alice, null).body();
      JsonObject fates = ledger.getJsonObject("suggestions");
      assertEquals(3, fates.getInteger("total"), ledger.encode());
      assertEquals(1, fates.getInteger("accepted"), ledger.encode());
      assertEquals(1, fates.getInteger("edited"), "taken in part: " + ledger.encode());
      assertEquals(1, fates.getInteger("rejected"), ledger.encode());
      assertTrue(ledger.getJsonObject("share").getDouble("ai") > 0, "the ledger credits the AI with the accepted notes");
    }
  }

  private static List<Map<String, Object>> trackNotes(SyncClient client, String trackId) {
    return client.read(d -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object t : d.getArray("tracks")) {
        YMap track = (YMap) t;
        if (trackId.equals(track.get("id"))) {
          for (Object n : (YArray) track.get("notes")) {
            out.add(((YMap) n).toJSON());
          }
        }
      }
      return out;
    });
  }

  @Test
  void invalidRequestsAreRefusedWithTheirReasons(Vertx vertx) throws Exception {
    start(vertx, 1, 4, 2);
    String alice = server.token("Alice");
    String carol = server.token("Carol");
    String dave = server.token("Dave");
    String id = chorale(alice);
    server.addMember(alice, id, "carol", "viewer");
    String path = "/api/projects/" + id + "/generate";
    JsonObject ok = new JsonObject().put("mode", "infill").put("region", new JsonObject().put("startBar", 0).put("endBar", 1));

    refused(400, "ends after the piece", server.call("POST", path, alice,
        ok.copy().put("region", new JsonObject().put("startBar", 1).put("endBar", 5))));
    refused(400, "unknown voice", server.call("POST", path, alice, ok.copy().put("region",
        new JsonObject().put("startBar", 0).put("endBar", 1).put("voices", new JsonArray().add("countertenor")))));
    refused(400, "\"candidates\" must be from 1 to 8", server.call("POST", path, alice, ok.copy().put("candidates", 100)));
    refused(400, "unknown mode", server.call("POST", path, alice, ok.copy().put("mode", "remix")));
    refused(400, "\"surprise\" must be from", server.call("POST", path, alice,
        ok.copy().put("sliders", new JsonObject().put("surprise", 3))));
    refused(400, "harmonize keeps the melody", server.call("POST", path, alice, new JsonObject().put("mode", "harmonize")
        .put("region", new JsonObject().put("startBar", 0).put("endBar", 1).put("voices", new JsonArray().add("soprano")))));
    refused(403, "a viewer cannot generate", server.call("POST", path, carol, ok));
    refused(403, "you are not a member", server.call("POST", path, dave, ok));
    refused(404, "no such project", server.call("POST", "/api/projects/nosuchproject/generate", dave, ok));
    refused(403, "a viewer cannot accept", server.call("POST", "/api/projects/" + id + "/suggestions/x/accept", carol, null));
    refused(404, "no such suggestion", server.call("POST", "/api/projects/" + id + "/suggestions/x/accept", alice, null));
    refused(404, "no such generation job", server.call("GET", path + "/nope", alice, null));
  }

  @Test
  void withoutAModelTheCoWriterIsOffWithTheReasonAndTheProjectStaysUsable(Vertx vertx) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no-model-here"));
    start(vertx, empty, 1, 4, 2);
    String alice = server.token("Alice");
    String id = chorale(alice);
    JsonObject ok = new JsonObject().put("mode", "infill").put("region", new JsonObject().put("startBar", 0).put("endBar", 1));
    Response off = server.call("POST", "/api/projects/" + id + "/generate", alice, ok);
    refused(503, "the AI co-writer is off: no model in " + empty, off);
    refused(503, "no model card", server.call("GET", "/api/generation/model", alice, null));
    Response project = server.call("GET", "/api/projects/" + id, alice, null);
    assertEquals(200, project.status(), project.text());
    assertEquals("Chorale", project.body().getString("title"), project.text());
  }

  @Test
  void lazyLoadsTheModelOnTheFirstRequestAndHealthSaysWhen(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.config(dir)
        .withGeneration(new GenerationConfig(GenerationConfig.Load.LAZY, ShippedModel.dir(), 1, 4, 2)));
    assertEquals(new JsonObject().put("mode", "lazy").put("model", "not loaded").put("modelLoaded", false),
        server.call("GET", "/health", null, null).body().getJsonObject("generation"));
    String alice = server.token("Alice");
    String id = chorale(alice);
    Response queued = server.call("POST", "/api/projects/" + id + "/generate", alice, new JsonObject()
        .put("mode", "infill").put("region", new JsonObject().put("startBar", 0).put("endBar", 1)).put("seed", 1));
    assertEquals(202, queued.status(), queued.text());
    assertEquals("done", awaitJob(alice, id, queued.body().getString("id")).getString("status"));
    assertEquals(new JsonObject().put("mode", "lazy").put("model", "loaded").put("modelLoaded", true),
        server.call("GET", "/health", null, null).body().getJsonObject("generation"));
  }

  @Test
  void offNeverLoadsTheModelAndSaysSo(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.config(dir)
        .withGeneration(new GenerationConfig(GenerationConfig.Load.OFF, ShippedModel.dir(), 1, 4, 2)));
    String alice = server.token("Alice");
    String id = chorale(alice);
    refused(503, "the AI co-writer is off on this server (generation: off", server.call("POST",
        "/api/projects/" + id + "/generate", alice, new JsonObject().put("mode", "infill")
            .put("region", new JsonObject().put("startBar", 0).put("endBar", 1))));
    assertEquals(new JsonObject().put("mode", "off").put("model", "off").put("modelLoaded", false),
        server.call("GET", "/health", null, null).body().getJsonObject("generation"));
    assertEquals(200, server.call("GET", "/api/generation/model", alice, null).status(), "the card is still served");
  }

  private static void refused(int status, String reason, Response response) {
    assertEquals(status, response.status(), response.text());
    assertNotNull(response.body(), response.text());
    assertTrue(response.body().getString("error").contains(reason), "reason \"" + reason + "\" in " + response.text());
  }

  @Test
  void aFullQueueAndAUsersShareAreRefusedWith429AndJobsCanBeCancelled(Vertx vertx) throws Exception {
    start(vertx, 1, 1, 2);
    String alice = server.token("Alice");
    String bob = server.token("Bob");
    String id = chorale(alice);
    server.addMember(alice, id, "bob", "editor");
    String path = "/api/projects/" + id + "/generate";
    JsonObject slow = new JsonObject().put("mode", "continue").put("bars", 8).put("candidates", 8);
    List<Response> responses = new ArrayList<>();
    responses.add(server.call("POST", path, alice, slow));
    responses.add(server.call("POST", path, alice, slow));
    Response third = server.call("POST", path, alice, slow);
    refused(429, "you already have 2 generation jobs", third);
    responses.add(server.call("POST", path, bob, slow));
    assertTrue(responses.stream().anyMatch(r -> r.status() == 429 && r.body().getString("error").contains("queue is full")),
        "one of three jobs finds the queue (1 place, 1 worker) full: "
            + responses.stream().map(Response::text).toList());
    for (Response r : responses) {
      if (r.status() == 202) {
        String jobId = r.body().getString("id");
        String owner = r.body().getJsonObject("requestedBy").getString("id").equals("alice") ? alice : bob;
        Response cancelled = server.call("DELETE", path + "/" + jobId, owner, null);
        assertEquals(200, cancelled.status(), cancelled.text());
        String status = awaitJob(owner, id, jobId).getString("status");
        assertTrue(status.equals("cancelled") || status.equals("done"), status);
      }
    }
  }
}
