package org.ensemble.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.config.ServerConfig;
import org.ensemble.server.consent.TrainingConsent;
import org.ensemble.server.consent.TrainingData;
import org.ensemble.server.registry.ProjectRegistry;

/**
 * {@code ./ensemble training-data --out FILE [--data-dir DIR | --config FILE]}: writes the projects
 * whose owners opted in to training, one JSON object per line ({@link TrainingData}); nothing else.
 * With the embedded store, run it while the server is stopped.
 */
public final class TrainingDataCommand {
  private TrainingDataCommand() {}

  public static void main(String[] args) throws Exception {
    JsonObject settings = new JsonObject();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--data-dir" -> settings.put("dataDir", args[++i]);
        case "--config" -> settings = new JsonObject(Files.readString(Path.of(args[++i]))).mergeIn(settings);
        case "--store" -> settings.put("store", args[++i]);
        default -> usage();
      }
    }
    if (out == null) {
      usage();
    }
    ServerConfig config = ServerConfig.from(settings, System.getenv());
    Vertx vertx = Vertx.vertx();
    Stores stores = Stores.open(config);
    try {
      io.vertx.core.Context context = vertx.getOrCreateContext();
      List<JsonObject> projects = ProjectRegistry.load(stores.metadata(), context).compose(registry -> TrainingData.export(vertx,
              registry, new TrainingConsent(stores.metadata(), context), stores.documents()))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
      write(out, projects);
      System.out.println(projects.size() + " opted-in project(s) written to " + out);
    } finally {
      stores.documents().close();
      stores.metadata().close();
      vertx.close();
    }
  }

  private static void write(Path out, List<JsonObject> projects) throws IOException {
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (JsonObject p : projects) {
        w.write(p.encode());
        w.write('\n');
      }
    }
  }

  private static void usage() {
    System.err.println("usage: ensemble training-data --out FILE [--data-dir DIR | --config FILE] [--store disk|redis]");
    System.exit(64);
  }
}
