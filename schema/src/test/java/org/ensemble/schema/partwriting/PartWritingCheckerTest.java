package org.ensemble.schema.partwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TimeSignature;
import org.junit.jupiter.api.Test;

class PartWritingCheckerTest {
  /** I–IV–V–I in C, written by the book. */
  private static final ProjectView CLEAN = Pieces.of("soprano 72 72 71 72", "alto 64 65 62 64", "tenor 55 57 55 55",
      "bass 48 53 43 48");

  @Test
  void everyRuleTheIssueNamesIsThere() {
    assertEquals(Set.of("parallel-fifths", "parallel-octaves", "hidden-fifths", "hidden-octaves", "voice-crossing",
        "voice-overlap", "spacing", "range", "leap", "leading-tone"), PartWritingChecker.ruleIds());
  }

  @Test
  void aCleanCadenceHasNoFindings() {
    PartWritingReport report = PartWritingChecker.check(CLEAN);
    assertEquals(List.of(), report.findings());
    assertEquals(3, report.chordChanges());
    assertEquals(10, report.counts().size());
  }

  @Test
  void onlyTheChosenRulesRun() {
    ProjectView fifths = Pieces.of("soprano 76 74", "alto 64 65", "tenor 55 57", "bass 48 50");
    assertEquals(Set.of("parallel-fifths"),
        Set.copyOf(PartWritingChecker.check(fifths).findings().stream().map(Finding::rule).toList()));
    assertEquals(List.of(), PartWritingChecker.check(fifths, List.of("range", "spacing")).findings());
  }

  @Test
  void findingsComeInTimeOrder() {
    ProjectView piece = Pieces.of("soprano 84 72 74 71 67", "bass 40 48 50 43 48");
    List<Finding> found = PartWritingChecker.check(piece).findings();
    for (int i = 1; i < found.size(); i++) {
      assertTrue(found.get(i - 1).tick() <= found.get(i).tick(), found.toString());
    }
    assertEquals("range", found.get(0).rule());
    assertEquals("leading-tone", found.get(found.size() - 1).rule());
  }

  @Test
  void barsAndBeatsCountFromOneInTheProjectsMetre() {
    // 3/4: the fifth quarter is bar 2 beat 2; an eighth later is beat 2 plus 240 ticks.
    ProjectView piece = Pieces.of(Pieces.C_MAJOR, new TimeSignature(3, 4), "tenor 55*4 55/2 57/2", "bass 48*4 48/2 50/2");
    Finding f = Pieces.check("parallel-fifths", piece).get(0);
    assertEquals(2, f.bar());
    assertEquals(2, f.beat());
    assertEquals(240, f.offset());
    assertEquals(4 * 480 + 240, f.tick());
  }

  @Test
  void anUnknownRuleIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PartWritingChecker.check(CLEAN, List.of("parallel-fourths")));
    assertTrue(e.getMessage().contains("parallel-fourths") && e.getMessage().contains("leading-tone"), e.getMessage());
  }
}
