package org.ensemble.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses what each imported track does, for the co-writer and the drum lane; the musician can change
 * it in the track list. Channel 10 is drums. Four pitched tracks are a choir, soprano to bass by their
 * average pitch; one is a melody; otherwise the highest is the melody, a low one the bass, and the
 * rest chords (when they play several notes at once) or other.
 */
final class ImportRoles {
  private static final double BASS_BELOW = 57; // A3: an average under it is a bass line

  private ImportRoles() {}

  static List<TrackView> assign(List<MidiImport.Part> parts) {
    Map<MidiImport.Part, TrackRole> roles = new HashMap<>();
    List<MidiImport.Part> pitched = new ArrayList<>();
    for (MidiImport.Part p : parts) {
      if (p.drums()) {
        roles.put(p, TrackRole.DRUMS);
      } else {
        pitched.add(p);
      }
    }
    pitched.sort(Comparator.comparingDouble(MidiImport.Part::meanPitch).reversed());
    if (pitched.size() == 4) {
      TrackRole[] choir = {TrackRole.SOPRANO, TrackRole.ALTO, TrackRole.TENOR, TrackRole.BASS};
      for (int i = 0; i < 4; i++) {
        roles.put(pitched.get(i), choir[i]);
      }
    } else if (pitched.size() == 1) {
      roles.put(pitched.get(0), TrackRole.MELODY);
    } else if (!pitched.isEmpty()) {
      roles.put(pitched.get(0), TrackRole.MELODY);
      MidiImport.Part lowest = pitched.get(pitched.size() - 1);
      roles.put(lowest, lowest.meanPitch() < BASS_BELOW ? TrackRole.BASS : chordsOrOther(lowest));
      for (int i = 1; i < pitched.size() - 1; i++) {
        roles.put(pitched.get(i), chordsOrOther(pitched.get(i)));
      }
    }
    Map<Integer, Integer> partsPerSource = new HashMap<>();
    parts.forEach(p -> partsPerSource.merge(p.sourceTrack, 1, Integer::sum));
    List<TrackView> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      MidiImport.Part p = parts.get(i);
      String id = "t" + (i + 1);
      String name = p.name != null ? p.name : p.drums() ? "Drums" : "Track " + (i + 1);
      if (partsPerSource.get(p.sourceTrack) > 1) {
        name += " (channel " + (p.channel + 1) + ")";
      }
      List<NoteView> notes = new ArrayList<>(p.notes.size());
      for (int n = 0; n < p.notes.size(); n++) {
        long[] x = p.notes.get(n);
        notes.add(new NoteView(id + "-n" + n, (int) x[0], x[1], x[2], (int) x[3]));
      }
      out.add(new TrackView(id, name.length() > 100 ? name.substring(0, 100) : name, p.program, roles.get(p),
          false, false, p.gain, p.pan, notes));
    }
    return out;
  }

  /** Chords when the part plays two notes at once somewhere. */
  private static TrackRole chordsOrOther(MidiImport.Part p) {
    long end = -1;
    for (long[] n : p.notes) { // sorted by start
      if (n[1] < end) {
        return TrackRole.CHORDS;
      }
      end = Math.max(end, n[1] + n[2]);
    }
    return TrackRole.OTHER;
  }
}
