package org.ensemble.schema;

import static org.ensemble.schema.SchemaLimits.MAX_TEMPO_BPM;
import static org.ensemble.schema.SchemaLimits.MAX_TICKS_PER_QUARTER;
import static org.ensemble.schema.SchemaLimits.MIN_TEMPO_BPM;
import static org.ensemble.schema.SchemaLimits.MIN_TICKS_PER_QUARTER;

import java.util.Objects;

/** The project's settings ({@code meta}): one tempo, key and time signature for the whole piece. */
public record MetaView(String title, double tempoBpm, KeySignature key, TimeSignature timeSignature,
    int ticksPerQuarter, int schemaVersion) {
  /** What a reader uses for a document with no usable {@code meta} at all. */
  public static final MetaView DEFAULTS = new MetaView(SchemaLimits.DEFAULT_TITLE, SchemaLimits.DEFAULT_TEMPO_BPM,
      KeySignature.C_MAJOR, TimeSignature.COMMON_TIME, SchemaLimits.DEFAULT_TICKS_PER_QUARTER, ProjectSchema.VERSION);

  public MetaView {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timeSignature, "timeSignature");
    if (!(tempoBpm >= MIN_TEMPO_BPM && tempoBpm <= MAX_TEMPO_BPM) || ticksPerQuarter < MIN_TICKS_PER_QUARTER
        || ticksPerQuarter > MAX_TICKS_PER_QUARTER || schemaVersion < 1) {
      throw new IllegalArgumentException("not valid settings: " + tempoBpm + " bpm, " + ticksPerQuarter
          + " ticks per quarter, schema " + schemaVersion);
    }
  }

  /** A copy with another title. */
  public MetaView withTitle(String newTitle) {
    return new MetaView(newTitle, tempoBpm, key, timeSignature, ticksPerQuarter, schemaVersion);
  }
}
