package org.ensemble.cowriter.generation;

import java.util.Locale;
import org.ensemble.schema.TrackRole;

/** The model's four voice lanes, in its order, and the track role that holds each. */
public enum Voice {
  SOPRANO(TrackRole.SOPRANO), ALTO(TrackRole.ALTO), TENOR(TrackRole.TENOR), BASS(TrackRole.BASS);

  private final TrackRole role;

  Voice(TrackRole role) {
    this.role = role;
  }

  public TrackRole role() {
    return role;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Voice parse(String name) {
    for (Voice v : values()) {
      if (v.wireName().equals(name)) {
        return v;
      }
    }
    throw GenerationException.badRequest("unknown voice \"" + name + "\"; voices are soprano, alto, tenor and bass");
  }
}
