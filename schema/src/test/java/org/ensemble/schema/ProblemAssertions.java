package org.ensemble.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Assertions about the problems a reading reported. */
final class ProblemAssertions {
  private ProblemAssertions() {}

  static void assertProblem(ValidatedProject project, String path, String messagePart) {
    for (ValidationProblem problem : project.problems()) {
      if (problem.path().equals(path) && problem.message().contains(messagePart)) {
        return;
      }
    }
    fail("no problem at " + path + " saying \"" + messagePart + "\" among " + project.problems());
  }

  static List<String> paths(ValidatedProject project) {
    return project.problems().stream().map(ValidationProblem::path).toList();
  }

  static void assertValid(ValidatedProject project) {
    assertTrue(project.isValid(), () -> "problems: " + project.problems());
  }
}
