package org.ensemble.schema.partwriting;

import java.util.List;

/**
 * Voice crossing: a voice sounds above the voice that should be above it (alto over soprano, tenor
 * over alto, bass over tenor). Reported where one of the two notes begins, not again while both are
 * held.
 */
final class VoiceCrossing implements Rule {
  static final String ID = "voice-crossing";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "Each voice stays below the voice above it.";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    Part[] parts = Part.values();
    for (int e = 0; e < t.events(); e++) {
      for (int i = 0; i + 1 < parts.length; i++) {
        Part upper = parts[i];
        Part lower = parts[i + 1];
        if (t.at(e, upper) == null || t.at(e, lower) == null || !(t.starts(e, upper) || t.starts(e, lower))) {
          continue;
        }
        int high = t.at(e, upper).pitch();
        int low = t.at(e, lower).pitch();
        if (low > high) {
          out.add(t.finding(ID, t.time(e), List.of(upper, lower), List.of(t.at(e, upper).id(), t.at(e, lower).id()),
              lower.title() + " (" + t.name(low) + ") is above " + upper.title().toLowerCase() + " (" + t.name(high)
                  + "). Voices cross, so the listener loses track of which line is which; keep the "
                  + lower.id() + " at or below the " + upper.id() + "."));
        }
      }
    }
  }
}
