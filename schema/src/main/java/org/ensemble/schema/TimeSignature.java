package org.ensemble.schema;

import static org.ensemble.schema.SchemaLimits.MAX_TIME_SIGNATURE_DENOMINATOR;
import static org.ensemble.schema.SchemaLimits.MAX_TIME_SIGNATURE_NUMERATOR;

/**
 * Beats per bar over the note value of a beat, as in {@code 3/4}. The denominator is a power of two
 * because a MIDI time signature event stores its logarithm.
 */
public record TimeSignature(int numerator, int denominator) {
  public static final TimeSignature COMMON_TIME = new TimeSignature(4, 4);

  public TimeSignature {
    if (!isValidNumerator(numerator) || !isValidDenominator(denominator)) {
      throw new IllegalArgumentException("not a time signature: " + numerator + "/" + denominator);
    }
  }

  public static boolean isValidNumerator(long numerator) {
    return numerator >= 1 && numerator <= MAX_TIME_SIGNATURE_NUMERATOR;
  }

  public static boolean isValidDenominator(long denominator) {
    return denominator >= 1 && denominator <= MAX_TIME_SIGNATURE_DENOMINATOR && Long.bitCount(denominator) == 1;
  }

  /** The length of one bar in ticks, for {@code ticksPerQuarter} ticks per quarter note. */
  public long ticksPerBar(int ticksPerQuarter) {
    return (long) ticksPerQuarter * 4 * numerator / denominator;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
