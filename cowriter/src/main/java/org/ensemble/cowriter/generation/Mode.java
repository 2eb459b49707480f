package org.ensemble.cowriter.generation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a request asks for, and which voices it writes when the request names none. */
public enum Mode {
  /** Write the region afresh in the chosen voices. */
  INFILL(EnumSet.allOf(Voice.class)),
  /** Keep the melody (soprano); write the voices below it. */
  HARMONIZE(EnumSet.of(Voice.ALTO, Voice.TENOR, Voice.BASS)),
  /** Keep the lower voices; write a melody over them. */
  MELODY(EnumSet.of(Voice.SOPRANO)),
  /** Resample part of the region's existing notes; {@code strength} says how much. */
  VARIATION(EnumSet.allOf(Voice.class)),
  /** Append bars after the end of the piece. */
  CONTINUE(EnumSet.allOf(Voice.class));

  private final Set<Voice> defaultVoices;

  Mode(Set<Voice> defaultVoices) {
    this.defaultVoices = defaultVoices;
  }

  public Set<Voice> defaultVoices() {
    return EnumSet.copyOf(defaultVoices);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Mode parse(String name) {
    for (Mode m : values()) {
      if (m.wireName().equals(name)) {
        return m;
      }
    }
    throw GenerationException.badRequest("unknown mode \"" + name
        + "\"; modes are infill, harmonize, melody, variation and continue");
  }
}
