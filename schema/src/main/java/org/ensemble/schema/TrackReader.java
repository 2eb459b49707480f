package org.ensemble.schema;

import static org.ensemble.schema.ProjectSchema.TRACKS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ensemble.schema.ProjectSchema.Track;

/**
 * Reads {@code tracks}. A track needs a unique id (exports and credits find tracks by it), so a track
 * without one, or with the id of an earlier track, is skipped. Any other bad setting falls back to its
 * default, and bad notes are skipped one by one, so that one mistake does not silence a part.
 */
final class TrackReader {
  private static final String SKIPPED = "the track is skipped";

  private final Problems problems;
  private final Map<String, String> trackPathsById = new HashMap<>();
  private final NoteReader notes;

  private TrackReader(Problems problems) {
    this.problems = problems;
    this.notes = new NoteReader(new HashMap<>(), problems);
  }

  static List<TrackView> readAll(List<Object> elements, Problems problems) {
    TrackReader reader = new TrackReader(problems);
    List<TrackView> tracks = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      reader.read(elements.get(i), Problems.index(TRACKS, i)).ifPresent(tracks::add);
    }
    return tracks;
  }

  private Optional<TrackView> read(Object element, String path) {
    Map<String, Object> entries = Containers.sharedMap(element, path, SKIPPED, problems);
    if (entries == null) {
      return Optional.empty();
    }
    FieldReader fields = new FieldReader(entries, path, problems);
    Optional<String> id = fields.nonEmptyString(Track.ID, SKIPPED);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String firstPath = trackPathsById.putIfAbsent(id.get(), path);
    if (firstPath != null) {
      fields.report(Track.ID, "\"" + id.get() + "\" is also the id of " + firstPath, SKIPPED);
      return Optional.empty();
    }
    String name = fields.string(Track.NAME, "using the id").orElse(id.get());
    int instrument = (int) fields.integer(Track.INSTRUMENT, 0, SchemaLimits.MAX_MIDI_VALUE,
        "using " + SchemaLimits.DEFAULT_INSTRUMENT).orElse(SchemaLimits.DEFAULT_INSTRUMENT);
    TrackRole role = readRole(fields);
    boolean mute = fields.bool(Track.MUTE, "using false").orElse(false);
    boolean solo = fields.bool(Track.SOLO, "using false").orElse(false);
    double gain = fields.number(Track.GAIN, 0, 1, "using " + SchemaLimits.DEFAULT_GAIN)
        .orElse(SchemaLimits.DEFAULT_GAIN);
    double pan = fields.number(Track.PAN, -1, 1, "using 0").orElse(SchemaLimits.DEFAULT_PAN);
    return Optional.of(new TrackView(id.get(), name, instrument, role, mute, solo, gain, pan, readNotes(fields)));
  }

  private TrackRole readRole(FieldReader fields) {
    String fallback = "using \"" + TrackRole.OTHER.schemaName() + "\"";
    return fields.string(Track.ROLE, fallback).flatMap(name -> {
      Optional<TrackRole> role = TrackRole.fromSchemaName(name);
      if (role.isEmpty()) {
        fields.report(Track.ROLE, "expected one of soprano, alto, tenor, bass, melody, chords, drums, other; found "
            + DocValues.describe(name), fallback);
      }
      return role;
    }).orElse(TrackRole.OTHER);
  }

  private List<NoteView> readNotes(FieldReader track) {
    String path = track.pathOf(Track.NOTES);
    String fallback = "the track has no notes";
    if (!track.has(Track.NOTES)) {
      track.report(Track.NOTES, "missing", fallback);
      return List.of();
    }
    List<Object> elements = Containers.sharedArray(track.raw(Track.NOTES), path, fallback, problems);
    List<NoteView> read = new ArrayList<>();
    for (int i = 0; elements != null && i < elements.size(); i++) {
      notes.read(elements.get(i), Problems.index(path, i)).ifPresent(read::add);
    }
    return read;
  }
}
