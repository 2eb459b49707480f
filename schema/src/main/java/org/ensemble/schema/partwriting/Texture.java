package org.ensemble.schema.partwriting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ensemble.schema.MetaView;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TrackView;

/**
 * The four voices of a project as the rules see them: the moments where any voice starts a note
 * ("events", in time order) and, at each, the note each voice is sounding (or none: a rest, or a
 * voice the project does not have). The soprano, alto, tenor and bass are the first track with that
 * role. Built once per check, in one pass over the notes, so every rule reads arrays.
 */
public final class Texture {
  private static final Part[] PARTS = Part.values();

  private final MetaView meta;
  private final Map<Part, String> trackIds = new EnumMap<>(Part.class);
  private final List<List<NoteView>> notes = new ArrayList<>();
  private final long[] times;
  /** {@code sounding[event][part.ordinal()]}, null where the voice is silent. */
  private final NoteView[][] sounding;
  private final PitchNames names;
  private final long ticksPerBeat;
  private final long ticksPerBar;

  private Texture(ProjectView project) {
    this.meta = project.meta();
    this.names = new PitchNames(meta.key());
    this.ticksPerBeat = Math.max(1, (long) meta.ticksPerQuarter() * 4 / meta.timeSignature().denominator());
    this.ticksPerBar = ticksPerBeat * meta.timeSignature().numerator();
    int total = 0;
    for (Part part : PARTS) {
      List<NoteView> voice = new ArrayList<>();
      for (TrackView track : project.tracks()) {
        if (track.role() == part.role()) {
          trackIds.put(part, track.id());
          voice.addAll(track.notes());
          break;
        }
      }
      voice.sort(Comparator.comparingLong(NoteView::start).thenComparing(NoteView::id));
      notes.add(List.copyOf(voice));
      total += voice.size();
    }
    long[] starts = new long[total];
    int n = 0;
    for (List<NoteView> voice : notes) {
      for (NoteView note : voice) {
        starts[n++] = note.start();
      }
    }
    Arrays.sort(starts);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || starts[distinct - 1] != starts[i]) {
        starts[distinct++] = starts[i];
      }
    }
    this.times = Arrays.copyOf(starts, distinct);
    this.sounding = new NoteView[distinct][PARTS.length];
    for (Part part : PARTS) {
      List<NoteView> voice = notes.get(part.ordinal());
      int next = 0;
      NoteView current = null;
      for (int e = 0; e < distinct; e++) {
        // The latest note started by now; overlapping notes in one voice read as the newer one.
        while (next < voice.size() && voice.get(next).start() <= times[e]) {
          current = voice.get(next++);
        }
        sounding[e][part.ordinal()] = current != null && current.end() > times[e] ? current : null;
      }
    }
  }

  /** The voices of {@code project}; voices it lacks are silent throughout. */
  public static Texture of(ProjectView project) {
    return new Texture(project);
  }

  public MetaView meta() {
    return meta;
  }

  /** The track that holds {@code part}, if the project has one. */
  public String trackId(Part part) {
    return trackIds.get(part);
  }

  /** The voice's notes in time order. */
  public List<NoteView> notes(Part part) {
    return notes.get(part.ordinal());
  }

  public int events() {
    return times.length;
  }

  public long time(int event) {
    return times[event];
  }

  /** The note {@code part} sounds at {@code event}, or null. */
  public NoteView at(int event, Part part) {
    return sounding[event][part.ordinal()];
  }

  /** Whether {@code part}'s note at {@code event} begins there (rather than being held from before). */
  public boolean starts(int event, Part part) {
    NoteView note = at(event, part);
    return note != null && note.start() == times[event];
  }

  /** Whether {@code part} sounds at both {@code event - 1} and {@code event}, on a different pitch. */
  public boolean moves(int event, Part part) {
    NoteView before = at(event - 1, part);
    NoteView after = at(event, part);
    return before != null && after != null && before.pitch() != after.pitch();
  }

  /** Whether all four voices sound at {@code event}. */
  public boolean full(int event) {
    for (NoteView note : sounding[event]) {
      if (note == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Chord changes, the denominator of the figures: consecutive events where all four voices sound
   * and at least one pitch differs (as the co-writer's harmony metrics count them).
   */
  public int chordChanges() {
    int changes = 0;
    for (int e = 1; e < times.length; e++) {
      if (full(e - 1) && full(e)) {
        for (Part part : PARTS) {
          if (sounding[e - 1][part.ordinal()].pitch() != sounding[e][part.ordinal()].pitch()) {
            changes++;
            break;
          }
        }
      }
    }
    return changes;
  }

  /** The key's tonic as a pitch class, 0 for C. */
  public int tonic() {
    return meta.key().tonicPitchClass();
  }

  public boolean minor() {
    return meta.key().mode() == org.ensemble.schema.KeySignature.Mode.MINOR;
  }

  /** The scale degree of {@code pitch} as semitones above the tonic, 0 to 11. */
  public int degree(int pitch) {
    return Math.floorMod(pitch - tonic(), 12);
  }

  /** "F#4". */
  public String name(int pitch) {
    return names.name(pitch);
  }

  /** A finding placed at {@code tick}, bar and beat counted from 1 as in the studio. */
  public Finding finding(String rule, long tick, List<Part> parts, List<String> noteIds, String explanation) {
    long inBar = tick % ticksPerBar;
    return new Finding(rule, (int) (tick / ticksPerBar) + 1, (int) (inBar / ticksPerBeat) + 1, inBar % ticksPerBeat,
        tick, parts.stream().map(Part::id).toList(), noteIds, explanation);
  }
}
