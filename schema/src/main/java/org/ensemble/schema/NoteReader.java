package org.ensemble.schema;

import static org.ensemble.schema.SchemaLimits.MAX_MIDI_VALUE;
import static org.ensemble.schema.SchemaLimits.MAX_TICK;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.ensemble.schema.ProjectSchema.Note;

/**
 * Reads one note. A note is kept only when all five fields are valid: there is no sensible default
 * for a pitch or a start, and a guessed note would sound in every export. Every bad field is
 * reported, not only the first.
 */
final class NoteReader {
  private static final String SKIPPED = "the note is skipped";

  /** Where each note id was first seen: ids are unique in the whole document. */
  private final Map<String, String> pathsById;
  private final Problems problems;

  NoteReader(Map<String, String> pathsById, Problems problems) {
    this.pathsById = pathsById;
    this.problems = problems;
  }

  Optional<NoteView> read(Object element, String path) {
    Map<String, Object> entries = Containers.sharedMap(element, path, SKIPPED, problems);
    if (entries == null) {
      return Optional.empty();
    }
    FieldReader fields = new FieldReader(entries, path, problems);
    Optional<String> id = fields.nonEmptyString(Note.ID, SKIPPED);
    OptionalLong pitch = fields.integer(Note.PITCH, 0, MAX_MIDI_VALUE, SKIPPED);
    OptionalLong start = fields.integer(Note.START, 0, MAX_TICK - 1, SKIPPED);
    OptionalLong duration = fields.integer(Note.DURATION, 1, MAX_TICK, SKIPPED);
    OptionalLong velocity = fields.integer(Note.VELOCITY, SchemaLimits.MIN_VELOCITY, MAX_MIDI_VALUE, SKIPPED);
    if (id.isEmpty() || pitch.isEmpty() || start.isEmpty() || duration.isEmpty() || velocity.isEmpty()) {
      return Optional.empty();
    }
    long end = start.getAsLong() + duration.getAsLong();
    if (end > MAX_TICK) {
      fields.report(Note.DURATION, "the note ends at tick " + end + ", after the last tick (" + MAX_TICK + ")",
          SKIPPED);
      return Optional.empty();
    }
    String firstPath = pathsById.putIfAbsent(id.get(), path);
    if (firstPath != null) {
      fields.report(Note.ID, "\"" + id.get() + "\" is also the id of " + firstPath, "the note is kept");
    }
    return Optional.of(new NoteView(id.get(), (int) pitch.getAsLong(), start.getAsLong(), duration.getAsLong(),
        (int) velocity.getAsLong()));
  }
}
