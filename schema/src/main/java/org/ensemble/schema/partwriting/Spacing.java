package org.ensemble.schema.partwriting;

import java.util.List;

/**
 * Spacing: more than an octave between soprano and alto, or between alto and tenor. Tenor and bass may
 * be further apart. Reported where one of the two notes begins.
 */
final class Spacing implements Rule {
  static final String ID = "spacing";
  private static final int OCTAVE = 12;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "Adjacent upper voices stay within an octave of each other (tenor and bass may be further apart).";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    Part[][] pairs = {{Part.SOPRANO, Part.ALTO}, {Part.ALTO, Part.TENOR}};
    for (int e = 0; e < t.events(); e++) {
      for (Part[] pair : pairs) {
        Part upper = pair[0];
        Part lower = pair[1];
        if (t.at(e, upper) == null || t.at(e, lower) == null || !(t.starts(e, upper) || t.starts(e, lower))) {
          continue;
        }
        int gap = t.at(e, upper).pitch() - t.at(e, lower).pitch();
        if (gap > OCTAVE) {
          out.add(t.finding(ID, t.time(e), List.of(upper, lower), List.of(t.at(e, upper).id(), t.at(e, lower).id()),
              upper.title() + " (" + t.name(t.at(e, upper).pitch()) + ") and " + lower.id() + " ("
                  + t.name(t.at(e, lower).pitch()) + ") are " + gap + " semitones apart, more than an octave. "
                  + "Keep the upper voices within an octave of each other so the chord sounds as one; only tenor "
                  + "and bass may be further apart."));
        }
      }
    }
  }
}
