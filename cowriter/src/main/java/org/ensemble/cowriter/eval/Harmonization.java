package org.ensemble.cowriter.eval;

import ai.djl.translate.TranslateException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.ChoraleProject;
import org.ensemble.cowriter.data.KeyFinder;
import org.ensemble.cowriter.generation.Candidates;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.cowriter.generation.GenerationRequest;
import org.ensemble.cowriter.generation.SuggestedNote;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.Controls;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TrackRole;
import org.ensemble.schema.TrackView;

/**
 * Harmonizes every soprano line of a split as a new user would through the API: a project holding
 * only the melody (four tracks with the voice roles, the key Bach's notes imply), one
 * {@code harmonize} request over the whole piece with the studio's defaults (one candidate, neutral
 * sliders, the locks as the panel sets them unless {@code request} says otherwise), the candidate
 * accepted, and the project read back on the sixteenth grid. The same figures of Bach's own alto,
 * tenor and bass come beside it. With {@code "mode": "melody"} in the request the project holds
 * Bach's alto, tenor and bass instead and the soprano is written and measured (against Bach's
 * sopranos); with {@code "mode": "variation"} it holds the whole piece, which is varied in all four
 * voices, all four measured.
 */
public final class Harmonization {
  private Harmonization() {}

  /** @param notesPastMelody lower-voice notes sounding after the melody's last note ends (should be none) */
  public record Result(HarmonyMetrics.Tally network, HarmonyMetrics.Tally bach, double[] reference, long notesPastMelody) {}

  /**
   * @param request fields added to each request (e.g. {@code "strictLock": false, "keyLock": true})
   * @param tune    changes to the plan's sampling controls, for tuning (identity: exactly the API's)
   */
  public static Result run(GibbsSampler sampler, ModelSpec spec, List<Chorale> pieces, List<Chorale> reference,
                           long seed, JsonObject request, UnaryOperator<Controls> tune) throws TranslateException {
    String mode = request.getString("mode", "harmonize");
    int[] measured = measuredVoices(mode);
    HarmonyMetrics.Tally network = new HarmonyMetrics.Tally(measured[0], measured[1]);
    HarmonyMetrics.Tally bach = new HarmonyMetrics.Tally(measured[0], measured[1]);
    long pastMelody = 0;
    for (int i = 0; i < pieces.size(); i++) {
      Chorale piece = pieces.get(i);
      KeyFinder.Key key = key(piece);
      ProjectView whole = ChoraleProject.of(piece, mode + " " + i);
      ProjectView given = switch (mode) {
        case "melody" -> keeping(whole, Set.of(TrackRole.ALTO, TrackRole.TENOR, TrackRole.BASS));
        case "variation" -> whole;
        default -> keeping(whole, Set.of(TrackRole.SOPRANO));
      };
      int bars = (piece.length() + HarmonyMetrics.STEPS_PER_BAR - 1) / HarmonyMetrics.STEPS_PER_BAR;
      JsonObject body = new JsonObject().put("mode", "harmonize")
          .put("region", new JsonObject().put("startBar", 0).put("endBar", bars))
          .put("candidates", 1).put("seed", seed + i)
          .put("sliders", new JsonObject().put("surprise", 0).put("happy", 0).put("busy", 0).put("different", 0))
          .put("keyLock", false).mergeIn(request);
      GenerationPlan plan = GenerationPlan.of(GenerationRequest.parse(body, seed + i), given, spec);
      Roll sampled = sampler.sample(plan.template(), 1, plan.request().seed(), tune.apply(plan.controls()), null).get(0);
      List<SuggestedNote> notes = SuggestedNote.fromRoll(plan, sampled, spec, "h" + i);
      ProjectView accepted = Candidates.applied(given, plan, notes);
      long melodyEnd = given.tracks().stream().filter(t -> t.role() == TrackRole.SOPRANO)
          .flatMap(t -> t.notes().stream()).mapToLong(NoteView::end).max().orElse(0);
      pastMelody += "harmonize".equals(mode) ? notes.stream().filter(n -> n.end() > melodyEnd).count() : 0;
      network.add(grid(accepted, piece.length()), key.tonic(), key.minor());
      bach.add(piece.steps(), key.tonic(), key.minor());
    }
    return new Result(network, bach, referenceProfile(reference, measured), pastMelody);
  }

  /** The first and last voice a mode writes, and which are measured: melody the soprano, variation all four. */
  static int[] measuredVoices(String mode) {
    return switch (mode) {
      case "melody" -> new int[] {0, 0};
      case "variation", "infill" -> new int[] {0, 3};
      default -> new int[] {1, 3};
    };
  }

  /** The key of the piece as the project carries it (Krumhansl–Schmuckler on all of Bach's notes). */
  static KeyFinder.Key key(Chorale piece) {
    double[] h = new double[12];
    for (int[] step : piece.steps()) {
      for (int p : step) {
        if (p >= 0) {
          h[p % 12]++;
        }
      }
    }
    return KeyFinder.find(h);
  }

  /** The project with the tracks of the other roles emptied: e.g. only the soprano, a melody to harmonize. */
  static ProjectView keeping(ProjectView project, Set<TrackRole> kept) {
    List<TrackView> tracks = new ArrayList<>();
    for (TrackView t : project.tracks()) {
      tracks.add(kept.contains(t.role()) ? t : new TrackView(t.id(), t.name(), t.instrument(), t.role(), t.mute(),
          t.solo(), t.gain(), t.pan(), List.of()));
    }
    return new ProjectView(project.meta(), tracks, project.sections());
  }

  /** The project's four voice tracks read back on the sixteenth grid, {@code length} steps long. */
  static int[][] grid(ProjectView project, int length) {
    int[][] grid = new int[length][4];
    for (int[] step : grid) {
      java.util.Arrays.fill(step, -1);
    }
    long stepTicks = project.meta().ticksPerQuarter() / 4;
    TrackRole[] roles = {TrackRole.SOPRANO, TrackRole.ALTO, TrackRole.TENOR, TrackRole.BASS};
    for (TrackView t : project.tracks()) {
      for (int v = 0; v < 4; v++) {
        if (t.role() != roles[v]) {
          continue;
        }
        for (NoteView n : t.notes()) {
          long first = (n.start() + stepTicks - 1) / stepTicks;
          long last = (n.end() + stepTicks - 1) / stepTicks;
          for (long s = first; s < last; s++) {
            if (s < length) {
              grid[(int) s][v] = n.pitch();
            }
          }
        }
      }
    }
    return grid;
  }

  /** Bach's pitch classes of the measured voices relative to each piece's tonic, pooled and normalized. */
  static double[] referenceProfile(List<Chorale> pieces, int[] voices) {
    HarmonyMetrics.Tally pooled = new HarmonyMetrics.Tally(voices[0], voices[1]);
    for (Chorale piece : pieces) {
      KeyFinder.Key key = key(piece);
      pooled.add(piece.steps(), key.tonic(), key.minor());
    }
    return pooled.profile();
  }
}
