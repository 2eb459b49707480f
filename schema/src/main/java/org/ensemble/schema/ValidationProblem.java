package org.ensemble.schema;

import java.util.Objects;

/**
 * One way a document breaks the schema: where ({@code tracks[2].notes[5].pitch}, {@code meta.key.mode},
 * {@code tracks}) and what is wrong, including what the reader did about it (skipped, default used).
 */
public record ValidationProblem(String path, String message) {
  public ValidationProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
