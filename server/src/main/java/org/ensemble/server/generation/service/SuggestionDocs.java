package org.ensemble.server.generation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.cowriter.generation.GenerationException;
import org.ensemble.cowriter.generation.SuggestedNote;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.server.attribution.AiProvenance;
import org.ensemble.server.auth.UserIdentity;
import static org.ensemble.server.generation.service.SuggestionFields.*;


/**
 * Edits of the document's {@code suggestions} area, run inside a server-side transaction: write the
 * candidates, accept (all or some notes, into their tracks), reject. The shape is documented in
 * docs/generation.md; values that are replaced as a whole are plain JSON, the notes a Y.Array of
 * Y.Maps like a track's.
 */
final class SuggestionDocs {
  private SuggestionDocs() {}

  static void write(Doc doc, List<Suggestion> suggestions) {
    YMap area = doc.getMap(ProjectSchema.SUGGESTIONS);
    for (Suggestion s : suggestions) {
      YMap map = new YMap();
      map.set(ID, s.id());
      map.set(JOB, s.jobId());
      map.set(CANDIDATE, s.candidate());
      map.set(STATUS, PENDING);
      map.set(MODE, s.plan().request().mode().wireName());
      map.set(REGION, PlainJson.of(s.region()));
      map.set(PARAMETERS, PlainJson.of(s.plan().request().toJson()));
      map.set(MODEL, Map.of("version", s.modelVersion(), "card", s.modelCardPath()));
      map.set(REQUESTED_BY, user(s.requestedBy()));
      map.set(CREATED_AT, s.createdAt().toString());
      List<YMap> notes = new ArrayList<>();
      for (SuggestedNote n : s.notes()) {
        YMap note = new YMap();
        note.set(ProjectSchema.Note.ID, n.id());
        note.set(TRACK, n.trackId());
        note.set(VOICE, n.voice().wireName());
        note.set(ProjectSchema.Note.PITCH, n.pitch());
        note.set(ProjectSchema.Note.START, n.start());
        note.set(ProjectSchema.Note.DURATION, n.duration());
        note.set(ProjectSchema.Note.VELOCITY, n.velocity());
        notes.add(note);
      }
      map.set(NOTES, YArray.of(notes));
      area.set(s.id(), map);
    }
  }

  /**
   * Moves the suggestion's notes (all, or those in {@code selected}) into their tracks and removes
   * the suggestion (notes not selected go with it). Notes of the same track that overlap an accepted
   * note are cut back so the two do not sound together: the parts before and after it stay. Each
   * moved note keeps an {@code origin}: the suggestion, the model, who asked and who accepted.
   *
   * @return the ids of the notes accepted
   */
  static List<String> accept(Doc doc, String suggestionId, Set<String> selected, UserIdentity by) {
    YMap suggestion = suggestion(doc, suggestionId);
    YArray notes = (YArray) suggestion.get(NOTES);
    List<Integer> chosen = new ArrayList<>();
    Set<String> unknown = new java.util.HashSet<>(selected == null ? Set.of() : selected);
    for (int i = 0; i < notes.length(); i++) {
      String id = (String) ((YMap) notes.get(i)).get(ProjectSchema.Note.ID);
      if (selected == null || selected.contains(id)) {
        chosen.add(i);
        unknown.remove(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw GenerationException.badRequest("suggestion " + suggestionId + " has no pending notes " + unknown);
    }
    if (chosen.isEmpty()) {
      throw new GenerationException(409, "suggestion " + suggestionId + " has no pending notes left");
    }
    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("kind", "ai");
    origin.put("suggestion", suggestionId);
    origin.put("model", suggestion.get(MODEL));
    origin.put("requestedBy", suggestion.get(REQUESTED_BY));
    origin.put("acceptedBy", user(by));
    List<String> accepted = new ArrayList<>();
    for (int i : chosen) {
      YMap n = (YMap) notes.get(i);
      String trackId = (String) n.get(TRACK);
      YArray trackNotes = trackNotes(doc, trackId);
      long start = number(n.get(ProjectSchema.Note.START));
      long end = start + number(n.get(ProjectSchema.Note.DURATION));
      TrackEdits.cut(trackNotes, start, end);
      YMap note = new YMap();
      note.set(ProjectSchema.Note.ID, n.get(ProjectSchema.Note.ID));
      note.set(ProjectSchema.Note.PITCH, n.get(ProjectSchema.Note.PITCH));
      note.set(ProjectSchema.Note.START, start);
      note.set(ProjectSchema.Note.DURATION, end - start);
      note.set(ProjectSchema.Note.VELOCITY, n.get(ProjectSchema.Note.VELOCITY));
      note.set(ORIGIN, origin);
      trackNotes.push(List.of(note));
      accepted.add((String) n.get(ProjectSchema.Note.ID));
    }
    doc.getMap(ProjectSchema.SUGGESTIONS).delete(suggestionId);
    return accepted;
  }

  static void reject(Doc doc, String suggestionId) {
    suggestion(doc, suggestionId);
    doc.getMap(ProjectSchema.SUGGESTIONS).delete(suggestionId);
  }

  /** The ledger's record of where a suggestion came from, read from the suggestion itself. */
  static AiProvenance provenance(Doc doc, String suggestionId, String modelName) {
    YMap s = suggestion(doc, suggestionId);
    Object model = s.get(MODEL);
    Object requestedBy = s.get(REQUESTED_BY);
    Object parameters = s.get(PARAMETERS);
    return new AiProvenance(modelName,
        model instanceof Map<?, ?> m ? String.valueOf(m.get("version")) : "",
        parameters instanceof Map<?, ?> p ? new io.vertx.core.json.JsonObject(castMap(p)).encode() : "{}",
        requestedBy instanceof Map<?, ?> r ? String.valueOf(r.get("id")) : "",
        suggestionId);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static YMap suggestion(Doc doc, String id) {
    Object s = doc.getMap(ProjectSchema.SUGGESTIONS).get(id);
    if (!(s instanceof YMap map) || !(map.get(NOTES) instanceof YArray)) {
      throw new GenerationException(404, "no such suggestion: " + id);
    }
    return map;
  }

  private static YArray trackNotes(Doc doc, String trackId) {
    YArray tracks = doc.getArray(ProjectSchema.TRACKS);
    for (Object t : tracks) {
      if (t instanceof YMap track && trackId.equals(track.get(ProjectSchema.Track.ID))
          && track.get(ProjectSchema.Track.NOTES) instanceof YArray notes) {
        return notes;
      }
    }
    throw new GenerationException(409, "the track \"" + trackId + "\" this suggestion was written for is gone");
  }

  static Map<String, Object> user(UserIdentity u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("name", u.name());
    return m;
  }

  static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
