package org.ensemble.schema.partwriting;

import java.util.List;

/**
 * Voice overlap: between two chords, a voice moves above the note the voice above it has just left
 * (or below the note the voice below it has just left), so the two lines tangle even without crossing.
 */
final class VoiceOverlap implements Rule {
  static final String ID = "voice-overlap";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "No voice moves past the previous note of its neighbouring voice.";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    Part[] parts = Part.values();
    for (int e = 1; e < t.events(); e++) {
      for (int i = 0; i + 1 < parts.length; i++) {
        Part upper = parts[i];
        Part lower = parts[i + 1];
        if (t.at(e - 1, upper) == null || t.at(e - 1, lower) == null || t.at(e, upper) == null
            || t.at(e, lower) == null) {
          continue;
        }
        int upperBefore = t.at(e - 1, upper).pitch();
        int lowerBefore = t.at(e - 1, lower).pitch();
        if (t.moves(e, lower) && t.at(e, lower).pitch() > upperBefore) {
          out.add(overlap(t, e, lower, upper, "above", upperBefore));
        } else if (t.moves(e, upper) && t.at(e, upper).pitch() < lowerBefore) {
          out.add(overlap(t, e, upper, lower, "below", lowerBefore));
        }
      }
    }
  }

  private static Finding overlap(Texture t, int e, Part mover, Part other, String side, int otherBefore) {
    Part upper = mover.ordinal() < other.ordinal() ? mover : other;
    Part lower = upper == mover ? other : mover;
    return t.finding(ID, t.time(e), List.of(upper, lower), Intervals.noteIds(t, e, upper, lower),
        mover.title() + " moves to " + t.name(t.at(e, mover).pitch()) + ", " + side + " the "
            + t.name(otherBefore) + " the " + other.id() + " has just sung. Overlapping voices blur the lines; keep "
            + "each voice on its own side of its neighbour's previous note.");
  }
}
