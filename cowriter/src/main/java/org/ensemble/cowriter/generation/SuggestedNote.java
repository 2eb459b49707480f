package org.ensemble.cowriter.generation;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;

/** A note of one candidate, for the track that holds its voice. */
public record SuggestedNote(String id, Voice voice, String trackId, int pitch, long start, long duration, int velocity) {
  public static final int VELOCITY = 80;

  public long end() {
    return start + duration;
  }

  /** The region's notes in a sampled roll: each run of one pitch in a voice is one note. */
  public static List<SuggestedNote> fromRoll(GenerationPlan plan, Roll roll, ModelSpec spec, String idPrefix) {
    List<SuggestedNote> notes = new ArrayList<>();
    int offset = plan.windowStart();
    for (Voice v : plan.request().voices()) {
      int t = plan.regionStart() - offset;
      int end = plan.regionEnd() - offset;
      while (t < end) {
        int pitch = roll.pitch(v.ordinal(), t);
        int runEnd = t + 1;
        while (runEnd < end && roll.pitch(v.ordinal(), runEnd) == pitch) {
          runEnd++;
        }
        if (pitch != Roll.EMPTY) {
          notes.add(new SuggestedNote(idPrefix + "-" + notes.size(), v, plan.trackIds().get(v), spec.midi(pitch),
              (t + offset) * plan.stepTicks(), (long) (runEnd - t) * plan.stepTicks(), VELOCITY));
        }
        t = runEnd;
      }
    }
    return notes;
  }
}
