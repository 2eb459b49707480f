package org.ensemble.schema.partwriting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.schema.ProjectView;

/**
 * The four-part-writing checker: the rules a harmony course teaches, run over a project's soprano,
 * alto, tenor and bass tracks. Which rules run is chosen by id (an assignment checks only what it
 * teaches); the findings come back in time order. Pure and stateless: safe on any thread.
 */
public final class PartWritingChecker {
  private static final List<Rule> RULES = List.of(
      ParallelPerfects.fifths(), ParallelPerfects.octaves(), HiddenPerfects.fifths(), HiddenPerfects.octaves(),
      new VoiceCrossing(), new VoiceOverlap(), new Spacing(), new Range(), new Leap(), new LeadingTone());

  private PartWritingChecker() {}

  /** Every rule, in the order findings of one moment are listed. */
  public static List<Rule> rules() {
    return RULES;
  }

  /** The ids of every rule. */
  public static Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    RULES.forEach(r -> ids.add(r.id()));
    return ids;
  }

  /** Checks every rule. */
  public static PartWritingReport check(ProjectView project) {
    return check(project, ruleIds());
  }

  /**
   * Checks the rules named in {@code ruleIds}.
   *
   * @throws IllegalArgumentException naming the unknown id and the known ones
   */
  public static PartWritingReport check(ProjectView project, Collection<String> ruleIds) {
    List<Rule> chosen = choose(ruleIds);
    Texture texture = Texture.of(project);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : chosen) {
      rule.check(texture, findings);
    }
    findings.sort(Comparator.comparingLong(Finding::tick)); // stable: rule order within one moment
    Map<String, String> tracks = new LinkedHashMap<>();
    for (Part part : Part.values()) {
      if (texture.trackId(part) != null) {
        tracks.put(part.id(), texture.trackId(part));
      }
    }
    return new PartWritingReport(chosen.stream().map(Rule::id).toList(), tracks, findings, texture.chordChanges());
  }

  private static List<Rule> choose(Collection<String> ruleIds) {
    Set<String> known = ruleIds();
    for (String id : ruleIds) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("unknown part-writing rule \"" + id + "\"; the rules are "
            + String.join(", ", known));
      }
    }
    return RULES.stream().filter(r -> ruleIds.contains(r.id())).toList();
  }
}
