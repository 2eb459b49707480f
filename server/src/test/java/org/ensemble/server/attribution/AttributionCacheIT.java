package org.ensemble.server.attribution;

import org.ensemble.server.testing.Notes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attribution cache and the conditional reads over it: cached answers equal fresh computations
 * from the store after every kind of edit, tags change exactly when the content does, the notes
 * endpoint answers exactly what is asked, and readers that arrive together share one computation.
 */
@ExtendWith(VertxExtension.class)
class AttributionCacheIT {
  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private final Map<String, String> tokens = new HashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    for (String name : List.of("alice", "bob")) {
      tokens.put(name, server.token(name));
    }
    project = server.createProject(tokens.get("alice"), new JsonObject().put("title", "Cached"));
    server.addMember(tokens.get("alice"), project, "bob", "editor");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SyncClient connect(String name) throws Exception {
    return SyncClient.connectAndWait(vertx, server.port(), project, tokens.get(name)).awaitSynced();
  }

  private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/projects/"
        + project + "/attribution" + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + tokens.get("bob"));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject getJson(String path) throws Exception {
    HttpResponse<String> r = get(path, null);
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  private static String etag(HttpResponse<String> r) {
    return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r.headers()));
  }

  /** The attribution computed from scratch from what the store holds now, as the server did before the cache. */
  private ProjectAttribution fresh() throws Exception {
    return new Attribution(server.documents()).attribution(vertx, project).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static boolean quietly(java.util.concurrent.Callable<Boolean> condition) {
    try {
      return condition.call();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject withoutTime(JsonObject report) {
    JsonObject copy = report.copy();
    copy.remove("generatedAt");
    return copy;
  }

  /** Waits until the store holds {@code ledgerEntries} entries, then compares the server's answers with a fresh computation. */
  private void assertCachedEqualsFresh(int ledgerEntries) throws Exception {
    Eventually.await(() -> quietly(() -> fresh().stats().getJsonObject("ledger").getInteger("entries") == ledgerEntries),
        () -> ledgerEntries + " ledger entries stored");
    JsonObject stats = getJson("");
    JsonObject report = getJson("/report");
    ProjectAttribution expected = fresh();
    assertEquals(expected.stats().put("projectId", project), stats);
    assertEquals(withoutTime(expected.report(project, "Cached")), withoutTime(report));
    assertEquals(ledgerEntries, report.getJsonObject("ledger").getInteger("entries"));
  }

  private static AiProvenance suggestion(String id, String requester) {
    return new AiProvenance("chorale-1", "2026-11-26", "{\"mode\":\"infill\"}", requester, id);
  }

  private void suggestAndAccept(String id, String requester, String acceptor) throws Exception {
    Notes.suggestTwoNotes(server.rooms(), project, suggestion(id, requester), id, 60);
    AiEdits.accept(server.rooms(), project, suggestion(id, requester), new UserIdentity(acceptor, acceptor), false, doc -> {
      YMap s = (YMap) doc.getMap("suggestions").get(id);
      YArray target = Notes.notesOf(doc, "soprano");
      for (Object o : (YArray) s.get("notes")) {
        YMap n = (YMap) o;
        target.push(List.of(Notes.note((String) n.get("id"), ((Number) n.get("pitch")).intValue(),
            ((Number) n.get("start")).intValue(), 480, 70)));
      }
      doc.getMap("suggestions").delete(id);
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void cachedAnswersEqualFreshComputationsAfterEveryEdit() throws Exception {
    int entries = fresh().stats().getJsonObject("ledger").getInteger("entries"); // the project's creation
    assertCachedEqualsFresh(entries);
    try (SyncClient alice = connect("alice"); SyncClient bob = connect("bob")) {
      alice.edit(doc -> {
        Notes.add(doc, "soprano", "a1", 67, 0);
        Notes.add(doc, "soprano", "a2", 69, 480);
        Notes.add(doc, "soprano", "a3", 71, 960);
      });
      assertCachedEqualsFresh(++entries);
      Eventually.await(() -> bob.read(d -> d.getArray("tracks").toJSON().toString()).contains("a3"), () -> "bob has a3");
      bob.edit(doc -> Notes.find(doc, "a1").set("pitch", 65));
      assertCachedEqualsFresh(++entries);
      bob.edit(doc -> Notes.add(doc, "soprano", "b1", 72, 1440));
      assertCachedEqualsFresh(++entries);
      alice.edit(doc -> Notes.delete(doc, "a3")); // a deletion: a new ledger entry, the same state vector
      assertCachedEqualsFresh(++entries);
      suggestAndAccept("s1", "bob", "alice");
      assertCachedEqualsFresh(entries += 2);
      Eventually.await(() -> bob.read(d -> d.getArray("tracks").toJSON().toString()).contains("s1-n2"), () -> "bob has s1");
      bob.edit(doc -> Notes.find(doc, "s1-n1").set("duration", 960));
      assertCachedEqualsFresh(++entries);
    }
    JsonObject report = getJson("/report");
    assertEquals("bob", noteIn(report, "s1-n1").getJsonObject("fields").getJsonObject("duration").getString("actor"));
    assertEquals("deleted", noteIn(report, "a3").getString("state"));
  }

  private static JsonObject noteIn(JsonObject report, String noteId) {
    for (Object o : report.getJsonArray("notes")) {
      if (noteId.equals(((JsonObject) o).getString("noteId"))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no note " + noteId + " in " + report);
  }

  @Test
  void tagsChangeWhenANoteChangesAndUnchangedReadsGet304() throws Exception {
    try (SyncClient alice = connect("alice")) {
      alice.edit(doc -> {
        Notes.add(doc, "soprano", "a1", 67, 0);
        Notes.add(doc, "soprano", "a2", 69, 480);
      });
      Eventually.await(() -> quietly(() -> fresh().note("a2").isPresent()), () -> "a2 stored");
      Map<String, String> tags = new HashMap<>();
      for (String path : List.of("", "/report", "/notes?ids=a1")) {
        HttpResponse<String> first = get(path, null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(null));
        tags.put(path, etag(first));
        assertEquals(tags.get(path), etag(get(path, null)), "the same content has the same tag: " + path);
        HttpResponse<String> again = get(path, tags.get(path));
        assertEquals(304, again.statusCode(), path);
        assertEquals("", again.body());
        assertEquals(tags.get(path), etag(again));
        assertEquals(304, get(path, "\"other\", W/" + tags.get(path)).statusCode(), "a list, weakly compared");
        assertEquals(200, get(path, "\"other\"").statusCode(), "another tag gets the body");
      }
      alice.edit(doc -> Notes.find(doc, "a1").set("pitch", 70));
      Eventually.await(() -> quietly(() -> get("/notes?ids=a1", tags.get("/notes?ids=a1")).statusCode() == 200),
          () -> "a1's tag changed");
      for (String path : List.of("", "/report", "/notes?ids=a1")) {
        HttpResponse<String> changed = get(path, tags.get(path));
        assertEquals(200, changed.statusCode(), path);
        assertNotEquals(tags.get(path), etag(changed), path);
        assertEquals(304, get(path, etag(changed)).statusCode(), path);
      }
      assertEquals(70, new JsonObject(get("/notes?ids=a1", null).body()).getJsonArray("notes").getJsonObject(0)
          .getJsonObject("fields").getJsonObject("pitch").getInteger("value"));
    }
  }

  @Test
  void theNotesEndpointAnswersExactlyTheNotesAsked() throws Exception {
    try (SyncClient alice = connect("alice")) {
      alice.edit(doc -> {
        Notes.add(doc, "soprano", "a1", 67, 0);
        Notes.add(doc, "soprano", "a2", 69, 480);
        Notes.add(doc, "soprano", "a3", 71, 960);
        Notes.add(doc, "alto", "t1", 60, 480);
      });
      Eventually.await(() -> quietly(() -> fresh().note("t1").isPresent()), () -> "t1 stored");
    }
    JsonObject report = getJson("/report");
    JsonObject some = getJson("/notes?ids=a3,zz,a1,a3");
    assertEquals(new JsonArray().add(noteIn(report, "a3")).add(noteIn(report, "a1")), some.getJsonArray("notes"));
    assertEquals(new JsonArray().add("zz"), some.getJsonArray("missing"));
    JsonObject placed = getJson("/notes?track=soprano&from=480&to=960");
    assertEquals(new JsonArray().add(noteIn(report, "a2")), placed.getJsonArray("notes"));
  }

  @Test
  void badNoteQueriesAreRefusedWithAReason() throws Exception {
    String tooMany = IntStream.range(0, 501).mapToObj(i -> "n" + i) // one more than the 500 allowed
        .collect(Collectors.joining(","));
    for (String query : List.of("", "?ids=", "?ids=a1,,a2", "?ids=" + tooMany, "?ids=a1&track=soprano",
        "?ids=" + "x".repeat(129), "?track=soprano&from=9&to=3", "?track=soprano&from=x", "?ids=a%01")) {
      HttpResponse<String> r = get("/notes" + query, null);
      assertEquals(400, r.statusCode(), query + ": " + r.body());
      JsonObject error = new JsonObject(r.body());
      assertEquals(400, error.getInteger("status"));
      assertNotNull(error.getString("error"), query);
    }
  }

  @Test
  void readersThatArriveTogetherShareOneComputation() throws Exception {
    AttributionCache cache = new AttributionCache(vertx, server.documents());
    assertEquals(List.of(1L), distinctTagsAndComputations(cache, 20).get(1));
    assertEquals(1, distinctTagsAndComputations(cache, 20).get(0).size(), "one version, one tag");
    assertEquals(1, cache.computations(), "an unchanged project is not computed again");
    try (SyncClient alice = connect("alice")) {
      alice.edit(doc -> Notes.add(doc, "soprano", "a1", 67, 0));
      Eventually.await(() -> quietly(() -> fresh().note("a1").isPresent()), () -> "a1 stored");
    }
    List<List<?>> after = distinctTagsAndComputations(cache, 20);
    assertEquals(1, after.get(0).size(), "every reader saw the same version");
    assertEquals(List.of(2L), after.get(1), "twenty readers after an edit: one computation");
  }

  @Test
  void replayingAttributingAndRenderingRunOnWorkerThreads() throws Exception {
    AttributionCache cache = new AttributionCache(vertx, server.documents());
    java.util.concurrent.CompletableFuture<List<Boolean>> onWorkers = new java.util.concurrent.CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> cache.rendered(project, "probe",
            a -> Buffer.buffer(String.valueOf(io.vertx.core.Context.isOnWorkerThread())))
        .compose(rendered -> cache.read(project, a -> io.vertx.core.Context.isOnWorkerThread())
            .map(read -> List.of(Boolean.parseBoolean(rendered.body().toString()), read)))
        .onComplete(ar -> {
          if (ar.failed()) {
            onWorkers.completeExceptionally(ar.cause());
          } else {
            onWorkers.complete(ar.result());
          }
        }));
    assertEquals(List.of(true, true), onWorkers.get(30, TimeUnit.SECONDS), "asked from an event loop, done on workers");
  }

  /** Starts {@code n} reads at once on an event loop; the distinct tags they got and the computations after. */
  private List<List<?>> distinctTagsAndComputations(AttributionCache cache, int n) throws Exception {
    java.util.concurrent.CompletableFuture<List<String>> done = new java.util.concurrent.CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<TaggedBody>> reads = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        reads.add(cache.rendered(project, "stats", a -> a.stats().toBuffer()));
      }
      Future.all(reads).onComplete(all -> {
        if (all.failed()) {
          done.completeExceptionally(all.cause());
        } else {
          done.complete(reads.stream().map(f -> f.result().etag()).distinct().toList());
        }
      });
    });
    List<String> tags = done.get(30, TimeUnit.SECONDS);
    return List.of(tags, List.of(cache.computations()));
  }

  @Test
  void theCacheHoldsAtMostItsBoundAndDropsIdleProjects() throws Exception {
    String other = server.createProject(tokens.get("alice"), new JsonObject().put("title", "Other"));
    long[] now = {0};
    AttributionCache cache = new AttributionCache(vertx, server.documents(), 1, 1L << 30, Duration.ofMinutes(10),
        () -> now[0]);
    Buffer first = read(cache, project);
    assertEquals(1, cache.size());
    read(cache, other);
    assertEquals(1, cache.size(), "the least recently read project was dropped");
    assertEquals(2, cache.computations());
    assertEquals(first, read(cache, project));
    assertEquals(3, cache.computations(), "a dropped project is computed again");
    now[0] += Duration.ofMinutes(11).toMillis();
    cache.dropIdle();
    assertEquals(0, cache.size(), "an idle project is dropped");
    AttributionCache small = new AttributionCache(vertx, server.documents(), 8, 1, Duration.ofMinutes(10), () -> 0);
    read(small, project);
    read(small, other);
    assertEquals(1, small.size(), "beyond the stored-bytes bound only the project just read stays");
  }

  private Buffer read(AttributionCache cache, String id) throws Exception {
    return cache.rendered(id, "stats", a -> a.stats().toBuffer()).map(TaggedBody::body).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
