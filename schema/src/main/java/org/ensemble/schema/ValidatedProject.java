package org.ensemble.schema;

import java.util.List;
import java.util.Objects;

/** What {@link ProjectReader} makes of a document: the valid part, and every problem it found. */
public record ValidatedProject(ProjectView view, List<ValidationProblem> problems) {
  public ValidatedProject {
    Objects.requireNonNull(view, "view");
    problems = List.copyOf(problems);
  }

  /** Whether the document follows the schema exactly. */
  public boolean isValid() {
    return problems.isEmpty();
  }
}
