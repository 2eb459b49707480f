package org.ensemble.cowriter;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.cowriter.data.ChoraleSet;

/** Where the tests find the shipped model and the chorales, from the repository root or server/. */
public final class Models {
  private Models() {}

  public static Path shipped() {
    for (Path p : new Path[] {Path.of("../models/chorale"), Path.of("models/chorale")}) {
      if (Files.isRegularFile(p.resolve("spec.json"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("the shipped model (models/chorale) is missing");
  }

  public static ChoraleSet chorales() throws java.io.IOException {
    return ChoraleSet.read(ChoraleSet.defaultPath());
  }
}
