package org.ensemble.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Written note values: a length in ticks as notation writes it, a note type (whole to 64th) with up to
 * one dot, or several such values tied when one will not do (five eighths: a half tied to an eighth).
 * A remainder no value can write (a length off the 64th-note grid) stays a last piece with no type;
 * notation software shows it from its duration.
 */
final class NoteValues {
  /** One written value: its length in ticks, its MusicXML type (null when none fits) and dots. */
  record Value(long ticks, String type, int dots) {}

  private static final String[] TYPES = {"whole", "half", "quarter", "eighth", "16th", "32nd", "64th"};
  private static final double[] QUARTERS = {4, 2, 1, 0.5, 0.25, 0.125, 0.0625};

  private NoteValues() {}

  /** {@code ticks} split into written values, longest first. */
  static List<Value> split(long ticks, int ticksPerQuarter) {
    List<Value> out = new ArrayList<>();
    long left = ticks;
    while (left > 0) {
      Value v = largest(left, ticksPerQuarter);
      if (v == null) {
        out.add(new Value(left, null, 0));
        break;
      }
      out.add(v);
      left -= v.ticks();
    }
    return out;
  }

  /** The longest value (dotted or plain) of a whole number of ticks that fits in {@code ticks}. */
  private static Value largest(long ticks, int ticksPerQuarter) {
    for (int i = 0; i < TYPES.length; i++) {
      double plain = QUARTERS[i] * ticksPerQuarter;
      double dotted = plain * 1.5;
      if (dotted == Math.rint(dotted) && dotted <= ticks) {
        return new Value((long) dotted, TYPES[i], 1);
      }
      if (plain == Math.rint(plain) && plain <= ticks) {
        return new Value((long) plain, TYPES[i], 0);
      }
    }
    return null;
  }
}
