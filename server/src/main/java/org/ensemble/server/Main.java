package org.ensemble.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.ensemble.server.cluster.ClusterNode;
import org.ensemble.server.config.ClusterConfig;
import org.ensemble.server.config.ConfigException;
import org.ensemble.server.config.ServerConfig;

/**
 * Starts Ensemble: {@code java -jar ensemble-server.jar [--config FILE] [--port N] [--data-dir DIR]
 * [--store disk|redis]}. Without options it runs on http://localhost:8080 with the embedded store in
 * ./data and development sign-in on; {@code ENSEMBLE_*} environment variables override the file
 * (docs/configuration.md). A bad configuration stops the start with one line naming the setting.
 */
public final class Main {
  private static final Logger LOG = Logger.getLogger(Main.class.getName());
  private static final String USAGE = "usage: ensemble-server [--config FILE] [--port N] [--data-dir DIR] [--store disk|redis]";

  private Main() {}

  public static void main(String[] args) {
    quietLogging();
    ServerConfig config;
    try {
      config = configure(args);
    } catch (ConfigException e) {
      System.err.println("Ensemble could not start: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Fewer event loops than Vert.x's default of two per core (see ServerConfig.defaultEventLoops):
    // fewer threads compete for the cores; each loop hosts one shard of the rooms and one listener.
    VertxOptions options = new VertxOptions().setEventLoopPoolSize(config.eventLoops());
    ClusterConfig cluster = config.cluster();
    ClusterNode node = null;
    if (cluster.enabled()) {
      // Joined on this (main) thread: the stores connect next, blocking, which no event loop may do.
      try {
        node = ClusterNode.start(options, cluster,
                cluster.nodeName().isEmpty() ? cluster.host() + ":" + cluster.port() : cluster.nodeName())
            .toCompletionStage().toCompletableFuture().get();
      } catch (Exception e) {
        System.err.println("Ensemble could not join the cluster: " + (e.getCause() == null ? e : e.getCause()).getMessage());
        System.exit(1);
        return;
      }
    }
    run(config, node, node == null ? Vertx.vertx(options) : node.vertx());
  }

  private static void run(ServerConfig config, ClusterNode cluster, Vertx vertx) {
    Stores stores;
    try {
      stores = Stores.open(config);
    } catch (RuntimeException e) {
      System.err.println("Ensemble could not start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    EnsembleServer.start(vertx, config, stores.documents(), stores.metadata(), cluster)
        .compose(server -> server.generation().ready().map(server))
        .onSuccess(server -> {
          // SIGTERM drains: the rooms this node owns move to the others before it leaves the cluster.
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              server.close().toCompletionStage().toCompletableFuture().get();
              vertx.close().toCompletionStage().toCompletableFuture().get();
            } catch (Exception e) {
              LOG.warning("shutdown: " + e);
            }
          }, "ensemble-shutdown"));
          System.out.println(FirstScreen.of(config, server));
        }).onFailure(e -> {
          System.err.println("Ensemble could not start: " + e.getMessage());
          stores.documents().close();
          stores.metadata().close();
          vertx.close();
          System.exit(1);
        });
  }

  /** One line per log record and no start-up chatter, unless a logging configuration is given. */
  private static void quietLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      LOG.warning("the logging configuration could not be read: " + e.getMessage());
    }
  }

  /** The configuration file (if any), the command line's options over it, then the environment. */
  static ServerConfig configure(String[] args) {
    JsonObject file = new JsonObject();
    JsonObject overrides = new JsonObject();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length || !option.startsWith("--")) {
        throw new ConfigException(USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--config" -> file = readFile(Path.of(value));
        case "--port" -> {
          try {
            overrides.put("port", Integer.parseInt(value));
          } catch (NumberFormatException e) {
            throw new ConfigException("--port must be a whole number, not \"" + value + "\"");
          }
        }
        case "--data-dir" -> overrides.put("dataDir", value);
        case "--store" -> overrides.put("store", value);
        default -> throw new ConfigException("unknown option " + option + "; " + USAGE);
      }
    }
    return ServerConfig.from(file.mergeIn(overrides), System.getenv());
  }

  private static JsonObject readFile(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException("the configuration file " + file + " is not a JSON object: " + e.getMessage());
    }
  }
}
