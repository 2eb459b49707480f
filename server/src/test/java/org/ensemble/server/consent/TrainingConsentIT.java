package org.ensemble.server.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.Stores;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training consent: off by default, the owner's alone to give and take back, and the training-data
 * export reads the opted-in projects and no others (a store that records its loads proves the others
 * are never read).
 */
@ExtendWith(VertxExtension.class)
class TrainingConsentIT {
  @TempDir
  Path dir;

  @Test
  void onlyOptedInProjectsAreEverReadForTraining(Vertx vertx) throws Exception {
    String opted;
    String notOpted;
    try (TestServer server = TestServer.start(vertx, dir)) {
      String alice = server.token("alice");
      String bob = server.token("bob");
      opted = server.createProject(alice, new JsonObject().put("title", "Shared for training").put("template", "four-part-chorale"));
      notOpted = server.createProject(alice, new JsonObject().put("title", "Private").put("template", "four-part-chorale"));
      server.addMember(alice, opted, "bob", "editor");
      String training = "/api/projects/" + opted + "/training";

      assertFalse(server.call("GET", training, bob, null).body().getBoolean("optIn"), "off unless the owner opts in");
      TestServer.Response byEditor = server.call("PUT", training, bob, new JsonObject().put("optIn", true));
      assertEquals(403, byEditor.status(), byEditor.text());
      assertEquals(400, server.call("PUT", training, alice, new JsonObject().put("optIn", "yes")).status());
      TestServer.Response byStranger = server.call("GET", training, server.token("eve"), null);
      assertEquals(403, byStranger.status(), "a stranger is told she is not a member, as on every project route");
      assertTrue(byStranger.text().contains("you are not a member"), byStranger.text());
      assertEquals(404, server.call("GET", "/api/projects/nosuchproject/training", bob, null).status());
      JsonObject on = server.call("PUT", training, alice, new JsonObject().put("optIn", true)).body();
      assertTrue(on.getBoolean("optIn"), on.encode());
      assertTrue(server.call("GET", training, bob, null).body().getBoolean("optIn"));
    }

    Export first = export(vertx);
    assertEquals(List.of(opted), first.projects().stream().map(p -> p.getString("projectId")).toList());
    assertEquals("Shared for training", first.projects().get(0).getString("title"));
    assertFalse(first.projects().get(0).getJsonObject("document").getJsonArray("tracks").isEmpty());
    assertTrue(first.loaded().contains(opted), first.loaded().toString());
    assertFalse(first.loaded().stream().anyMatch(id -> id.startsWith(notOpted)), "read " + first.loaded());

    try (TestServer server = TestServer.start(vertx, dir)) {
      String alice = server.token("alice");
      JsonObject off = server.call("PUT", "/api/projects/" + opted + "/training", alice, new JsonObject().put("optIn", false)).body();
      assertFalse(off.getBoolean("optIn"), "revocable: " + off.encode());
    }
    Export afterRevoking = export(vertx);
    assertEquals(List.of(), afterRevoking.projects());
    assertEquals(java.util.Set.of(), afterRevoking.loaded(), "nothing read once no project opts in");

    // A deleted project takes its consent with it.
    try (TestServer server = TestServer.start(vertx, dir)) {
      String alice = server.token("alice");
      assertEquals(200, server.call("PUT", "/api/projects/" + notOpted + "/training", alice, new JsonObject().put("optIn", true)).status());
      assertEquals(204, server.call("DELETE", "/api/projects/" + notOpted, alice, null).status());
    }
    Stores stores = Stores.open(TestServer.config(dir));
    try {
      assertEquals(List.of(), stores.metadata().keys("training/").toCompletableFuture().get(10, TimeUnit.SECONDS));
    } finally {
      stores.documents().close();
      stores.metadata().close();
    }
  }

  private record Export(List<JsonObject> projects, java.util.Set<String> loaded) {}

  /** The training-data export over the stopped server's stores, recording what it loads. */
  private Export export(Vertx vertx) throws Exception {
    Stores stores = Stores.open(TestServer.config(dir));
    RecordingStore documents = new RecordingStore(stores.documents());
    try {
      io.vertx.core.Context context = vertx.getOrCreateContext();
      List<JsonObject> projects = ProjectRegistry.load(stores.metadata(), context)
          .compose(registry -> TrainingData.export(vertx, registry, new TrainingConsent(stores.metadata(), context), documents))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new Export(projects, java.util.Set.copyOf(documents.loaded));
    } finally {
      documents.close();
      stores.metadata().close();
    }
  }
}
