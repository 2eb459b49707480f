package org.ensemble.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.ensemble.server.config.ServerConfig;

/**
 * Starts Ensemble: {@code java -jar ensemble-server.jar [--config FILE] [--port N] [--data-dir DIR]}.
 * Without options it runs on http://localhost:8080 with the embedded store in ./data and development
 * sign-in on; {@code ENSEMBLE_*} environment variables override the file.
 */
public final class Main {
  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) throws IOException {
    JsonObject file = new JsonObject();
    JsonObject overrides = new JsonObject();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> file = new JsonObject(Files.readString(Path.of(args[++i])));
        case "--port" -> overrides.put("port", Integer.parseInt(args[++i]));
        case "--data-dir" -> overrides.put("dataDir", args[++i]);
        case "--store" -> overrides.put("store", args[++i]);
        default -> {
          System.err.println("usage: ensemble-server [--config FILE] [--port N] [--data-dir DIR] [--store disk|redis]");
          System.exit(64);
        }
      }
    }
    ServerConfig config = ServerConfig.from(file.mergeIn(overrides), System.getenv());
    // Fewer event loops than Vert.x's default of two per core (see ServerConfig.eventLoops): fewer
    // threads compete for the cores; each loop hosts one shard of the rooms and one listener.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(ServerConfig.eventLoops(System.getenv())));
    Stores stores = Stores.open(config);
    EnsembleServer.start(vertx, config, stores.documents(), stores.metadata()).onSuccess(server -> {
      String host = "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
      System.out.println("Ensemble is running: open http://" + host + ":" + server.port() + "/"
          + "  (store: " + config.store().name().toLowerCase() + (config.store() == ServerConfig.StoreKind.DISK
          ? " in " + config.dataDir().toAbsolutePath() : " at " + config.redisUri())
          + (config.devMode() ? ", development sign-in on" : "") + ")");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close().toCompletionStage().toCompletableFuture().get();
          vertx.close().toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
          LOG.warning("shutdown: " + e);
        }
      }, "ensemble-shutdown"));
    }).onFailure(e -> {
      System.err.println("Ensemble could not start: " + e.getMessage());
      stores.documents().close();
      stores.metadata().close();
      vertx.close();
      System.exit(1);
    });
  }
}
