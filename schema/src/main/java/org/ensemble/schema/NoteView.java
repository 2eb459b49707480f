package org.ensemble.schema;

import static org.ensemble.schema.SchemaLimits.MAX_MIDI_VALUE;
import static org.ensemble.schema.SchemaLimits.MAX_TICK;
import static org.ensemble.schema.SchemaLimits.MIN_VELOCITY;

import java.util.Objects;

/** One note: a MIDI pitch sounding from {@code start} for {@code duration} ticks. Always valid. */
public record NoteView(String id, int pitch, long start, long duration, int velocity) {
  public NoteView {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || pitch < 0 || pitch > MAX_MIDI_VALUE || start < 0 || duration < 1
        || start + duration > MAX_TICK || velocity < MIN_VELOCITY || velocity > MAX_MIDI_VALUE) {
      throw new IllegalArgumentException("not a valid note: " + id + " " + pitch + " " + start + "+" + duration
          + " v" + velocity);
    }
  }

  /** The tick at which the note stops sounding. */
  public long end() {
    return start + duration;
  }
}
