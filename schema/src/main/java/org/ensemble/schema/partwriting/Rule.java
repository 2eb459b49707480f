package org.ensemble.schema.partwriting;

import java.util.List;

/** One part-writing rule: a stable id (what the API and assignments name), and the check itself. */
public interface Rule {
  /** Stable, lower case with dashes: {@code "parallel-fifths"}. */
  String id();

  /** One line for a student: what the rule asks. */
  String summary();

  /** Adds what the rule finds in {@code texture} to {@code out} (the checker sorts them by time). */
  void check(Texture texture, List<Finding> out);
}
