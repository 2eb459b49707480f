package org.ensemble.loadtest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh folder per run for the server's data and log, under the tool's work folder. */
final class Workspace {
  private Workspace() {}

  static Path fresh(Path work, String name) throws IOException {
    Path dir = work.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }
}
