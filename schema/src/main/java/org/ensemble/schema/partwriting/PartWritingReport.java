package org.ensemble.schema.partwriting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one check found: the rules it ran, the findings in time order, and the chord changes it saw. */
public record PartWritingReport(List<String> rules, List<Finding> findings, int chordChanges) {
  public PartWritingReport {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
  }

  /** Findings per rule, every rule that ran listed (zero included), in rule order. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    rules.forEach(r -> counts.put(r, 0));
    findings.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
    return counts;
  }
}
