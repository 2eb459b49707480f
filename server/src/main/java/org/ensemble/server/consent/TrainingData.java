package org.ensemble.server.consent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.schema.ProjectJson;
import org.ensemble.server.registry.ProjectRecord;
import org.ensemble.server.registry.ProjectRegistry;
import org.ensemble.server.store.DocumentStore;

/**
 * The only way project content leaves the server for training: the projects whose owner opted in
 * ({@link TrainingConsent}) and that still exist, each as its validated JSON view. The document store
 * is asked for those projects and no others, so a project that did not opt in is never read.
 */
public final class TrainingData {
  private TrainingData() {}

  /** One JSON object per opted-in project: {@code {"projectId", "title", "document"}}. */
  public static Future<List<JsonObject>> export(Vertx vertx, ProjectRegistry registry, TrainingConsent consent,
                                                DocumentStore store) {
    return consent.optedIn().compose(ids -> {
      List<Future<JsonObject>> reads = new ArrayList<>();
      for (String id : ids) {
        ProjectRecord record = registry.get(id).orElse(null);
        if (record == null) {
          continue; // opted in, then deleted
        }
        reads.add(Future.fromCompletionStage(store.load(id), vertx.getOrCreateContext())
            .compose(updates -> vertx.executeBlocking(() -> new JsonObject().put("projectId", id)
                .put("title", record.title())
                .put("document", new JsonObject(Json.stringify(ProjectJson.of(docOf(updates))))), false)));
      }
      return Future.all(reads).map(all -> all.<JsonObject>list());
    });
  }

  private static Doc docOf(List<byte[]> updates) {
    Doc doc = new Doc();
    for (byte[] u : updates) {
      doc.applyUpdate(u);
    }
    return doc;
  }
}
