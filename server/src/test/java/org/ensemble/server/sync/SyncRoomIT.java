package org.ensemble.server.sync;

import static org.ensemble.server.testing.TrackNotes.addNote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.testing.Eventually;
import org.ensemble.server.testing.SyncClient;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Rooms over real WebSockets: convergence, late joiners, roles, tokens and presence. */
@ExtendWith(VertxExtension.class)
class SyncRoomIT {
  @TempDir
  Path dir;
  private TestServer server;
  private Vertx vertx;
  private String alice;
  private String bob;
  private String carol;
  private String project;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
    alice = server.token("alice");
    bob = server.token("bob");
    carol = server.token("carol");
    project = server.createProject(alice, new JsonObject().put("title", "Quartet"));
    server.addMember(alice, project, "bob", "editor");
    server.addMember(alice, project, "carol", "viewer");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SyncClient connect(String token) throws Exception {
    return SyncClient.connectAndWait(vertx, server.port(), project, token).awaitSynced();
  }

  private static Object tracks(SyncClient c) {
    return c.read(doc -> doc.getArray("tracks").toJSON());
  }

  @Test
  void twoClientsConverge() throws Exception {
    try (SyncClient a = connect(alice); SyncClient b = connect(bob)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      Eventually.await(() -> tracks(b).toString().contains("n1"), () -> "bob sees alice's note: " + tracks(b));
      b.edit(doc -> addNote(doc, "n2", 64));
      Eventually.await(() -> tracks(a).toString().contains("n2"), () -> "alice sees bob's note: " + tracks(a));
      assertEquals(tracks(a), tracks(b));
      assertEquals(a.read(Doc::encodeStateVector).length, b.read(Doc::encodeStateVector).length);
    }
  }

  @Test
  void lateJoinerReceivesFullState() throws Exception {
    try (SyncClient a = connect(alice)) {
      a.edit(doc -> {
        addNote(doc, "n1", 60);
        addNote(doc, "n2", 62);
        doc.getMap("meta").set("tempoBpm", 96);
      });
      Eventually.await(() -> server.call("GET", "/api/projects/" + project, alice, null).text().contains("n2"),
          () -> "stored");
    }
    try (SyncClient late = connect(bob)) {
      assertTrue(tracks(late).toString().contains("n1"));
      assertTrue(tracks(late).toString().contains("n2"));
      assertEquals((Object) 96, late.read(doc -> doc.getMap("meta").get("tempoBpm")));
    }
  }

  @Test
  void viewersSyncButTheirEditsAreRefusedAndNotApplied() throws Exception {
    try (SyncClient a = connect(alice); SyncClient viewer = connect(carol)) {
      a.edit(doc -> addNote(doc, "n1", 60));
      Eventually.await(() -> tracks(viewer).toString().contains("n1"), () -> "the viewer sees the note");
      viewer.edit(doc -> addNote(doc, "sneaky", 30));
      Eventually.await(() -> !viewer.permissionDenied().isEmpty(), () -> "the viewer is told why");
      assertTrue(viewer.permissionDenied().get(0).contains("viewers"), viewer.permissionDenied().toString());
      a.edit(doc -> addNote(doc, "n2", 62));
      Eventually.await(() -> tracks(viewer).toString().contains("n2"), () -> "the viewer still syncs");
      assertFalse(tracks(a).toString().contains("sneaky"));
      assertFalse(server.call("GET", "/api/projects/" + project, alice, null).text().contains("sneaky"));
      assertFalse(viewer.isClosed());
    }
  }

  @Test
  void missingForgedAndExpiredTokensAreRefusedWith4401() throws Exception {
    Tokens otherKey = new Tokens(vertx, "another-secret-another-secret-another-secret-0000");
    String forged = otherKey.issue(new UserIdentity("alice", "alice"), Duration.ofHours(1));
    JWTAuth sameKey = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestServer.SECRET)));
    long now = System.currentTimeMillis() / 1000;
    String expired = sameKey.generateToken(new JsonObject().put("sub", "alice").put("name", "alice")
        .put("iat", now - 3600).put("exp", now - 60), new JWTOptions().setAlgorithm("HS256"));
    for (String token : new String[] {null, "not-a-jwt", forged, expired}) {
      try (SyncClient c = SyncClient.connectAndWait(vertx, server.port(), project, token)) {
        assertEquals(CloseCodes.UNAUTHORIZED, c.awaitClose(), "token " + token);
        assertTrue(c.closeReason().contains("token"), c.closeReason());
      }
    }
  }

  @Test
  void strangersAndUnknownProjectsAreRefused() throws Exception {
    String dave = server.token("dave");
    try (SyncClient c = SyncClient.connectAndWait(vertx, server.port(), project, dave)) {
      assertEquals(CloseCodes.FORBIDDEN, c.awaitClose());
    }
    try (SyncClient c = SyncClient.connectAndWait(vertx, server.port(), "no-such-project", alice)) {
      assertEquals(CloseCodes.NOT_FOUND, c.awaitClose());
    }
  }

  @Test
  void aMalformedMessageClosesOnlyItsConnection() throws Exception {
    try (SyncClient a = connect(alice); SyncClient b = connect(bob)) {
      b.send(new byte[] {0, 2, (byte) 0xFF, 1, 2}); // an update whose length prefix lies
      assertEquals(CloseCodes.MALFORMED_MESSAGE, b.awaitClose());
      assertTrue(b.closeReason().contains("malformed"), b.closeReason());
      a.edit(doc -> addNote(doc, "after", 70));
      try (SyncClient c = connect(bob)) {
        Eventually.await(() -> tracks(c).toString().contains("after"), () -> "the room still serves");
      }
    }
  }

  @Test
  void presenceIsRelayedAndRemovedWhenAClientLeaves() throws Exception {
    try (SyncClient a = connect(alice)) {
      SyncClient b = connect(bob);
      b.setPresence(Map.of("name", "bob", "cursor", 42));
      long bobId = b.clientId();
      Eventually.await(() -> a.readAwareness(aw -> aw.getStates().containsKey(bobId)), () -> "alice sees bob");
      assertEquals(Map.of("name", "bob", "cursor", 42), a.readAwareness(aw -> aw.getStates().get(bobId)));
      b.close();
      Eventually.await(() -> !a.readAwareness(aw -> aw.getStates().containsKey(bobId)), () -> "bob's presence removed");
    }
  }
}
