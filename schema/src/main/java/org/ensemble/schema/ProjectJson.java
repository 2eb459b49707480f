package org.ensemble.schema;

import static org.ensemble.schema.ProjectSchema.META;
import static org.ensemble.schema.ProjectSchema.SECTIONS;
import static org.ensemble.schema.ProjectSchema.SUGGESTIONS;
import static org.ensemble.schema.ProjectSchema.TRACKS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.lib0.JsNumber;
import org.ensemble.schema.ProjectSchema.Meta;
import org.ensemble.schema.ProjectSchema.Note;
import org.ensemble.schema.ProjectSchema.Section;
import org.ensemble.schema.ProjectSchema.Track;

/**
 * A project as JSON for the REST API, in the schema's shape: {@code meta}, {@code tracks},
 * {@code sections}, {@code suggestions} and {@code problems} ({@code [{"path", "message"}]}). It is
 * built from the validated view, so clients always get the schema's types; what the document held
 * that the view could not use is named in {@code problems}. The suggestions, whose shape a later
 * schema version defines, are passed through as the document holds them. Serialize the result with
 * {@link org.ensemble.protocol.lib0.Json#stringify}; numbers are those a JavaScript client would
 * read, so a valid document's JSON equals its {@code toJSON()}.
 */
public final class ProjectJson {
  public static final String PROBLEMS = "problems";

  private ProjectJson() {}

  /** Reads {@code doc} (on its thread) and renders it with its problems and suggestions. */
  public static Map<String, Object> of(Doc doc) {
    ValidatedProject project = ProjectReader.read(doc);
    Map<String, Object> json = of(project.view());
    Object suggestions = Roots.map(doc, SUGGESTIONS, new Problems()).map(YMap::toJSON).orElse(Map.of());
    json.put(SUGGESTIONS, JsonSafe.copy(suggestions));
    List<Object> problems = new ArrayList<>();
    for (ValidationProblem problem : project.problems()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", problem.path());
      entry.put("message", problem.message());
      problems.add(entry);
    }
    json.put(PROBLEMS, problems);
    return json;
  }

  /** {@code meta}, {@code tracks} and {@code sections} of a view. */
  public static Map<String, Object> of(ProjectView view) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(META, meta(view.meta()));
    json.put(TRACKS, view.tracks().stream().map(ProjectJson::track).toList());
    json.put(SECTIONS, view.sections().stream().map(ProjectJson::section).toList());
    return json;
  }

  private static Map<String, Object> meta(MetaView meta) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(Meta.TITLE, meta.title());
    json.put(Meta.TEMPO_BPM, number(meta.tempoBpm()));
    json.put(Meta.KEY, ProjectMaps.keyValue(meta.key()));
    json.put(Meta.TIME_SIGNATURE, ProjectMaps.timeSignatureValue(meta.timeSignature()));
    json.put(Meta.TICKS_PER_QUARTER, meta.ticksPerQuarter());
    json.put(Meta.SCHEMA_VERSION, meta.schemaVersion());
    return json;
  }

  private static Map<String, Object> track(TrackView track) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(Track.ID, track.id());
    json.put(Track.NAME, track.name());
    json.put(Track.INSTRUMENT, track.instrument());
    json.put(Track.ROLE, track.role().schemaName());
    json.put(Track.MUTE, track.mute());
    json.put(Track.SOLO, track.solo());
    json.put(Track.GAIN, number(track.gain()));
    json.put(Track.PAN, number(track.pan()));
    json.put(Track.NOTES, track.notes().stream().map(ProjectJson::note).toList());
    return json;
  }

  private static Map<String, Object> note(NoteView note) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(Note.ID, note.id());
    json.put(Note.PITCH, note.pitch());
    json.put(Note.START, number(note.start()));
    json.put(Note.DURATION, number(note.duration()));
    json.put(Note.VELOCITY, note.velocity());
    return json;
  }

  private static Map<String, Object> section(SectionView section) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(Section.NAME, section.name());
    json.put(Section.START, number(section.start()));
    json.put(Section.LENGTH, number(section.length()));
    return json;
  }

  /** The Java value the document itself would hold for this number (Integer, Long or Double). */
  private static Object number(double value) {
    return JsNumber.normalize(value);
  }
}
