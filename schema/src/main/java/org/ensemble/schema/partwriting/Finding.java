package org.ensemble.schema.partwriting;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found: where (bar and beat counted from 1, as the studio shows them, plus the ticks
 * into the beat and the absolute tick), which voices and which notes (document note ids, earlier note
 * first), and what is wrong in words a student understands.
 */
public record Finding(String rule, int bar, int beat, long offset, long tick, List<String> voices,
    List<String> noteIds, String explanation) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(explanation, "explanation");
    voices = List.copyOf(voices);
    noteIds = List.copyOf(noteIds);
  }
}
