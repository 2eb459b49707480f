package org.ensemble.schema.partwriting;

import java.util.List;

/** Small helpers the motion rules share: the notes of two voices across a move, in words and as ids. */
final class Intervals {
  private Intervals() {}

  /** The ids of both voices' notes before and after the move at {@code event}, upper voice first. */
  static List<String> noteIds(Texture t, int event, Part upper, Part lower) {
    return List.of(t.at(event - 1, upper).id(), t.at(event, upper).id(), t.at(event - 1, lower).id(),
        t.at(event, lower).id());
  }

  /** "G4 over C4 to A4 over D4". */
  static String motion(Texture t, int event, Part upper, Part lower) {
    return t.name(t.at(event - 1, upper).pitch()) + " over " + t.name(t.at(event - 1, lower).pitch()) + " to "
        + t.name(t.at(event, upper).pitch()) + " over " + t.name(t.at(event, lower).pitch());
  }
}
