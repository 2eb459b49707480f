package org.ensemble.cowriter.generation;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TrackView;

/**
 * Samples a plan's candidates outside the server (command line, benchmarks) and shows a candidate
 * in place: the project with the region's notes of the chosen voices replaced by the candidate's.
 */
public final class Candidates {
  private Candidates() {}

  public static List<List<SuggestedNote>> sample(GibbsSampler sampler, GenerationPlan plan, ModelSpec spec)
      throws TranslateException {
    List<Roll> rolls = sampler.sample(plan.template(), plan.request().candidates(), plan.request().seed(),
        plan.controls(), null);
    List<List<SuggestedNote>> out = new ArrayList<>();
    for (int c = 0; c < rolls.size(); c++) {
      out.add(SuggestedNote.fromRoll(plan, rolls.get(c), spec, "candidate-" + (c + 1)));
    }
    return out;
  }

  public static ProjectView applied(ProjectView project, GenerationPlan plan, List<SuggestedNote> notes) {
    List<TrackView> tracks = new ArrayList<>();
    for (TrackView t : project.tracks()) {
      List<NoteView> kept = new ArrayList<>();
      boolean written = plan.trackIds().entrySet().stream()
          .anyMatch(e -> e.getValue().equals(t.id()) && plan.request().voices().contains(e.getKey()));
      for (NoteView n : t.notes()) {
        boolean inside = n.start() < plan.regionEndTick() && n.end() > plan.regionStartTick();
        if (!written || !inside) {
          kept.add(n);
        }
      }
      for (SuggestedNote s : notes) {
        if (s.trackId().equals(t.id())) {
          kept.add(new NoteView(s.id(), s.pitch(), s.start(), s.duration(), s.velocity()));
        }
      }
      tracks.add(new TrackView(t.id(), t.name(), t.instrument(), t.role(), t.mute(), t.solo(), t.gain(), t.pan(), kept));
    }
    return new ProjectView(project.meta(), tracks, project.sections());
  }
}
