package org.ensemble.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.config.ServerConfig;

/**
 * The token-signing secret: from the configuration, or, in development mode only, generated once and
 * kept in the data directory so that tokens survive restarts.
 */
final class Secrets {
  static final String SECRET_FILE = ".jwt-secret";

  private Secrets() {}

  static String jwtSecret(ServerConfig config) throws IOException {
    if (config.jwtSecret() != null) {
      return config.jwtSecret();
    }
    if (!config.devMode()) {
      throw new IllegalStateException("set jwtSecret (or ENSEMBLE_JWT_SECRET, at least "
          + Tokens.MIN_SECRET_LENGTH + " characters): it is only generated in development mode");
    }
    Path file = config.dataDir().resolve(SECRET_FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.createDirectories(config.dataDir());
    Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    return secret;
  }
}
