package org.ensemble.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.server.config.GenerationConfig;
import org.ensemble.server.config.ServerConfig;

/** What {@code ./ensemble start} shows once the server is up: where things are, and the URL last. */
final class FirstScreen {
  private FirstScreen() {}

  static String of(ServerConfig config, EnsembleServer server) {
    String host = "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
    String store = config.store() == ServerConfig.StoreKind.DISK
        ? "embedded, in " + config.dataDir().toAbsolutePath().normalize()
        : "Redis at " + config.redisUri();
    return "\n"
        + "  studio        " + studio(config) + "\n"
        + "  store         " + store + "\n"
        + "  AI co-writer  " + coWriter(config.generation(), server) + "\n"
        + (config.devMode() ? "  sign-in       development (pick any name)\n" : "")
        + "\n"
        + "Ensemble is running: open http://" + host + ":" + server.port() + "/\n";
  }

  private static String studio(ServerConfig config) {
    Path root = config.webRoot().toAbsolutePath().normalize();
    return Files.isRegularFile(root.resolve("index.html")) ? "built, from " + root
        : "landing page only (no studio build in " + root + ")";
  }

  private static String coWriter(GenerationConfig generation, EnsembleServer server) {
    return switch (generation.load()) {
      case OFF -> "off (generation: off)";
      case LAZY -> "loads its model on the first request (generation: lazy)";
      case EAGER -> server.generation().modelState().equals("loaded")
          ? "ready, " + server.generation().engine()
          : "unavailable: " + server.generation().problem();
    };
  }
}
