package org.ensemble.schema.partwriting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one check found: the rules it ran, the track each voice was read from ({@code "soprano"} to a
 * track id; a voice the project lacks is absent), the findings in time order, and the chord changes seen.
 */
public record PartWritingReport(List<String> rules, Map<String, String> tracks, List<Finding> findings,
    int chordChanges) {
  public PartWritingReport {
    rules = List.copyOf(rules);
    tracks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tracks));
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
