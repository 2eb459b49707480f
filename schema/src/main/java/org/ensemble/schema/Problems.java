package org.ensemble.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while one document is read, and builds their paths: keys joined with
 * dots, list positions in brackets ({@code tracks[2].notes[5].pitch}), as a JavaScript client would
 * reach the value from the document's JSON.
 */
final class Problems {
  private final List<ValidationProblem> found = new ArrayList<>();

  void add(String path, String message) {
    found.add(new ValidationProblem(path, message));
  }

  List<ValidationProblem> toList() {
    return List.copyOf(found);
  }

  static String key(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }
}
