package org.ensemble.cowriter.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.cowriter.Models;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.ChoraleProject;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TrackRole;
import org.ensemble.schema.TrackView;
import org.junit.jupiter.api.Test;

/** Regions made concrete: whole pieces in one request, harmonize within the melody, bars counted from 1. */
class GenerationPlanTest {
  private static final ModelSpec SPEC = new ModelSpec(33, 52, 8, new int[] {1});

  private static GenerationPlan plan(ProjectView project, String request) {
    return GenerationPlan.of(GenerationRequest.parse(new JsonObject(request), 1), project, SPEC);
  }

  /** The longest test chorale (40 bars), its soprano ending before its last bar does. */
  private static ProjectView longest() throws Exception {
    Chorale longest = Models.chorales().test().stream().max((a, b) -> a.length() - b.length()).orElseThrow();
    return ChoraleProject.of(longest, "longest");
  }

  private static ProjectView withSopranoShortenedBy(ProjectView project, long ticks) {
    List<TrackView> tracks = new ArrayList<>();
    for (TrackView t : project.tracks()) {
      List<NoteView> notes = new ArrayList<>(t.notes());
      if (t.role() == TrackRole.SOPRANO) {
        NoteView last = notes.remove(notes.size() - 1);
        notes.add(new NoteView(last.id(), last.pitch(), last.start(), last.duration() - ticks, last.velocity()));
      }
      tracks.add(new TrackView(t.id(), t.name(), t.instrument(), t.role(), t.mute(), t.solo(), t.gain(), t.pan(), notes));
    }
    return new ProjectView(project.meta(), tracks, project.sections());
  }

  @Test
  void aWholeChoraleIsOneRequestAndHarmonizeEndsWithTheMelody() throws Exception {
    ProjectView project = withSopranoShortenedBy(longest(), ChoraleProject.TICKS_PER_QUARTER);
    long melodyEnd = project.tracks().get(0).notes().stream().mapToLong(NoteView::end).max().orElseThrow();
    GenerationPlan plan = plan(project, "{\"mode\":\"harmonize\",\"region\":{\"startBar\":0,\"endBar\":40}}");
    assertEquals(melodyEnd, plan.regionEndTick(), "the region ends where the melody does, not at the bar line");
    assertTrue(plan.regionEnd() - plan.regionStart() > 16 * 16, "more than 16 bars in one plan");
    // Infill keeps the region as asked.
    GenerationPlan infill = plan(project, "{\"mode\":\"infill\",\"region\":{\"startBar\":0,\"endBar\":40}}");
    assertEquals(40L * 16 * 120, infill.regionEndTick());
  }

  @Test
  void refusalsCountBarsAsTheStudioDoes() throws Exception {
    ProjectView project = longest();
    GenerationException late = assertThrows(GenerationException.class,
        () -> plan(project, "{\"mode\":\"infill\",\"region\":{\"startBar\":38,\"endBar\":41}}"));
    assertTrue(late.getMessage().contains("bars 39–41") && late.getMessage().contains("which has 40 bars"),
        late.getMessage());
    GenerationException empty = assertThrows(GenerationException.class,
        () -> plan(melodyless(project), "{\"mode\":\"harmonize\",\"region\":{\"startBar\":2,\"endBar\":3}}"));
    assertTrue(empty.getMessage().contains("no notes in bar 3"), empty.getMessage());
  }

  private static ProjectView melodyless(ProjectView project) {
    List<TrackView> tracks = new ArrayList<>();
    for (TrackView t : project.tracks()) {
      tracks.add(t.role() != TrackRole.SOPRANO ? t : new TrackView(t.id(), t.name(), t.instrument(), t.role(), t.mute(),
          t.solo(), t.gain(), t.pan(), List.of()));
    }
    return new ProjectView(project.meta(), tracks, project.sections());
  }
}
