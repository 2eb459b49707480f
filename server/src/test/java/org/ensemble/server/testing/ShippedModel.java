package org.ensemble.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the server's tests find the shipped model (models/chorale), from the repository root or server/. */
public final class ShippedModel {
  private ShippedModel() {}

  public static Path dir() {
    for (Path p : new Path[] {Path.of("../models/chorale"), Path.of("models/chorale")}) {
      if (Files.isRegularFile(p.resolve("spec.json"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("the shipped model (models/chorale) is missing");
  }
}
