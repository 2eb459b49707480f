package org.ensemble.schema;

import static org.ensemble.schema.SchemaLimits.MAX_MIDI_VALUE;

import java.util.List;
import java.util.Objects;

/**
 * One part: its mixer settings and its notes in document order. {@code instrument} is a General MIDI
 * program (0 to 127, zero-based), {@code gain} 0 to 1, {@code pan} -1 (left) to 1 (right).
 */
public record TrackView(String id, String name, int instrument, TrackRole role, boolean mute, boolean solo,
    double gain, double pan, List<NoteView> notes) {
  public TrackView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    notes = List.copyOf(notes);
    if (id.isEmpty() || instrument < 0 || instrument > MAX_MIDI_VALUE || !(gain >= 0 && gain <= 1)
        || !(pan >= -1 && pan <= 1)) {
      throw new IllegalArgumentException("not a valid track: " + id + " program " + instrument + " gain " + gain
          + " pan " + pan);
    }
  }
}
