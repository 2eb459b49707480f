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
    return ChoraleSet.read(choralesFile());
  }

  /** The chorales' file where the commands find it (ChoraleSet.defaultPath), from the repository root or a module. */
  public static Path choralesFile() {
    for (Path p : new Path[] {Path.of("..").resolve(ChoraleSet.defaultPath()), ChoraleSet.defaultPath()}) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("the chorales (" + ChoraleSet.defaultPath() + ") are missing: run scripts/install-test-deps.sh");
  }
}
