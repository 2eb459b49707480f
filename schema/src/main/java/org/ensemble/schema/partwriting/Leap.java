package org.ensemble.schema.partwriting;

import java.util.List;
import org.ensemble.schema.NoteView;

/**
 * Leaps: between two notes of one voice with no rest between them, a leap larger than an octave, or an
 * augmented interval. Without spelled notes, augmented intervals are read from the key: an augmented
 * fourth from the fourth degree up to the leading tone (or, in minor, from the sixth degree up to the
 * second), an augmented second from the minor sixth degree to the leading tone, an augmented fifth from
 * the minor third degree up to the leading tone. A diminished fifth (the same six semitones spelled the
 * other way) is allowed.
 */
final class Leap implements Rule {
  static final String ID = "leap";
  private static final int OCTAVE = 12;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "No leaps larger than an octave, and no augmented leaps.";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    for (Part part : Part.values()) {
      List<NoteView> notes = t.notes(part);
      for (int n = 1; n < notes.size(); n++) {
        NoteView before = notes.get(n - 1);
        NoteView after = notes.get(n);
        if (after.start() > before.end() || after.start() == before.start()) {
          continue; // a rest between them, or one chord's doubled note: not a melodic move
        }
        int size = Math.abs(after.pitch() - before.pitch());
        String what = size > OCTAVE ? "a leap of " + size + " semitones, more than an octave"
            : augmented(t, Math.min(before.pitch(), after.pitch()), size);
        if (what != null) {
          out.add(t.finding(ID, after.start(), List.of(part), List.of(before.id(), after.id()),
              part.title() + " leaps from " + t.name(before.pitch()) + " to " + t.name(after.pitch()) + ", " + what
                  + ". Such leaps are hard to sing in tune; move by a smaller or a perfect interval, or by step."));
        }
      }
    }
  }

  /** The name of the augmented interval {@code size} semitones above {@code low} in the key, or null. */
  private static String augmented(Texture t, int low, int size) {
    int degree = t.degree(low);
    int top = t.degree(low + size);
    if (size == 6 && (degree == 5 && top == 11 || t.minor() && degree == 8 && top == 2)) {
      return "an augmented fourth (tritone)";
    }
    if (t.minor() && size == 3 && degree == 8 && top == 11) {
      return "an augmented second";
    }
    if (t.minor() && size == 8 && degree == 3 && top == 11) {
      return "an augmented fifth";
    }
    return null;
  }
}
