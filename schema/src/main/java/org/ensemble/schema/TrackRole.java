package org.ensemble.schema;

import java.util.Optional;

/**
 * What a track does in the piece. The generator uses it to know which voice it writes, and the MIDI
 * export puts {@link #DRUMS} on the General MIDI percussion channel.
 */
public enum TrackRole {
  SOPRANO("soprano"),
  ALTO("alto"),
  TENOR("tenor"),
  BASS("bass"),
  MELODY("melody"),
  CHORDS("chords"),
  DRUMS("drums"),
  OTHER("other");

  private final String schemaName;

  TrackRole(String schemaName) {
    this.schemaName = schemaName;
  }

  /** The string the document stores. */
  public String schemaName() {
    return schemaName;
  }

  public static Optional<TrackRole> fromSchemaName(String name) {
    for (TrackRole role : values()) {
      if (role.schemaName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
