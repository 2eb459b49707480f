package org.ensemble.cowriter.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.cowriter.Models;
import org.ensemble.cowriter.data.ChoraleProject;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.cowriter.generation.GenerationRequest;
import org.ensemble.schema.ProjectView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model under the studio's controls, on real chorales through the request → plan path. */
class SamplingControlsTest {
  private static ChoraleSet data;
  private static ChoraleModel model;
  private static Predictor<List<Roll>, Distributions> predictor;
  private static GibbsSampler sampler;

  @BeforeAll
  static void load() throws Exception {
    data = Models.chorales();
    model = ChoraleModel.load(Models.shipped());
    predictor = model.newPredictor();
    sampler = new GibbsSampler(predictor, model.spec());
  }

  @AfterAll
  static void close() {
    predictor.close();
    model.close();
  }

  private static GenerationPlan plan(int piece, JsonObject request) {
    ProjectView project = ChoraleProject.of(data.test().get(piece), "test");
    return GenerationPlan.of(GenerationRequest.parse(request, 1), project, model.spec());
  }

  private static JsonObject infill(int startBar, int endBar, String... voices) {
    return new JsonObject().put("mode", "infill").put("region", new JsonObject().put("startBar", startBar)
        .put("endBar", endBar).put("voices", new JsonArray(List.of((Object[]) voices))));
  }

  private static List<Roll> sample(GenerationPlan plan) throws Exception {
    return sampler.sample(plan.template(), plan.request().candidates(), plan.request().seed(), plan.controls(), null);
  }

  @Test
  void notesOutsideTheRegionNeverChange() throws Exception {
    for (String mode : new String[] {"infill", "harmonize", "melody", "variation"}) {
      JsonObject request = new JsonObject().put("mode", mode).put("candidates", 3).put("seed", 11)
          .put("region", new JsonObject().put("startBar", 3).put("endBar", 5));
      GenerationPlan plan = plan(1, request);
      for (Roll result : sample(plan)) {
        for (int v = 0; v < 4; v++) {
          for (int t = 0; t < result.steps(); t++) {
            if (!plan.template().masked(v, t)) {
              assertEquals(plan.template().pitch(v, t), result.pitch(v, t), mode + ": voice " + v + " step " + t);
            }
          }
        }
      }
    }
  }

  @Test
  void voiceLanesChangeOnlyTheChosenVoices() throws Exception {
    GenerationPlan plan = plan(2, infill(2, 6, "alto", "tenor").put("candidates", 4).put("seed", 5));
    int changedInLanes = 0;
    for (Roll result : sample(plan)) {
      for (int t = 0; t < result.steps(); t++) {
        assertEquals(plan.template().pitch(0, t), result.pitch(0, t), "soprano step " + t);
        assertEquals(plan.template().pitch(3, t), result.pitch(3, t), "bass step " + t);
        for (int v = 1; v <= 2; v++) {
          changedInLanes += plan.template().masked(v, t) && plan.template().pitch(v, t) != result.pitch(v, t) ? 1 : 0;
        }
      }
    }
    assertTrue(changedInLanes > 0, "the alto and tenor lanes were rewritten");
  }

  @Test
  void higherTemperatureGivesHigherEntropy() throws Exception {
    double cold = meanCellEntropy(-1);
    double hot = meanCellEntropy(1);
    System.err.printf("mean cell entropy over 8 candidates: %.3f nats conventional (surprise −1), %.3f surprising (+1)%n", cold, hot);
    assertTrue(hot > cold + 0.1, "entropy surprising (" + hot + ") above conventional (" + cold + ")");
  }

  /** Entropy (nats) of each region cell's pitch over 8 candidates, averaged over the cells. */
  private static double meanCellEntropy(double surprise) throws Exception {
    JsonObject request = infill(4, 8, "alto", "tenor", "bass").put("candidates", 8).put("seed", 21)
        .put("sliders", new JsonObject().put("surprise", surprise));
    GenerationPlan plan = plan(3, request);
    List<Roll> results = sample(plan);
    double total = 0;
    int cells = 0;
    for (int v = 1; v < 4; v++) {
      for (int t = 0; t < plan.template().steps(); t++) {
        if (!plan.template().masked(v, t)) {
          continue;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (Roll r : results) {
          counts.merge(r.pitch(v, t), 1, Integer::sum);
        }
        for (int c : counts.values()) {
          double p = (double) c / results.size();
          total -= p * Math.log(p);
        }
        cells++;
      }
    }
    return total / cells;
  }

  @Test
  void theHappySliderRaisesTheShareOfMajorModePitchClasses() throws Exception {
    double sad = majorShare(-1);
    double happy = majorShare(1);
    System.err.printf("major-mode share of the mode-telling notes: %.3f sad, %.3f happy%n", sad, happy);
    assertTrue(happy > sad + 0.1, "major-mode share happy " + happy + " vs sad " + sad);
  }

  /** Of the region's notes on the degrees that tell major from minor (3, 6, 7), the share in major. */
  private static double majorShare(double happy) throws Exception {
    JsonObject request = infill(2, 6, "soprano", "alto", "tenor", "bass").put("candidates", 4).put("seed", 8)
        .put("sliders", new JsonObject().put("happy", happy));
    GenerationPlan plan = plan(4, request);
    int major = 0;
    int coloured = 0;
    for (Roll r : sample(plan)) {
      for (int v = 0; v < 4; v++) {
        for (int t = 0; t < r.steps(); t++) {
          if (plan.template().masked(v, t)) {
            int colour = Scales.modeColour(model.spec().midi(r.pitch(v, t)), plan.controls().tonic());
            major += colour > 0 ? 1 : 0;
            coloured += colour != 0 ? 1 : 0;
          }
        }
      }
    }
    return (double) major / Math.max(1, coloured);
  }

  @Test
  void aFixedSeedReproducesTheCandidates() throws Exception {
    GenerationPlan plan = plan(5, infill(1, 3, "alto", "tenor", "bass").put("candidates", 2).put("seed", 99));
    List<Roll> first = sample(plan);
    List<Roll> again = sample(plan(5, infill(1, 3, "alto", "tenor", "bass").put("candidates", 2).put("seed", 99)));
    List<Roll> other = sample(plan(5, infill(1, 3, "alto", "tenor", "bass").put("candidates", 2).put("seed", 100)));
    assertEquals(cells(first), cells(again), "same request, same seed: same candidates");
    assertNotEquals(cells(first), cells(other), "another seed: other candidates");
  }

  @Test
  void theBusySliderRaisesTheNoteDensity() throws Exception {
    double sparse = notesPerVoicePerBar(-1);
    double busy = notesPerVoicePerBar(1);
    System.err.printf("lower-voice notes per voice per bar: %.2f sparse, %.2f busy%n", sparse, busy);
    assertTrue(busy > sparse * 1.2, "notes per voice per bar busy " + busy + " vs sparse " + sparse);
  }

  /** Notes (runs of one pitch) per lower voice per bar of harmonizations of bars 1–8 (4 candidates). */
  private static double notesPerVoicePerBar(double busy) throws Exception {
    JsonObject request = new JsonObject().put("mode", "harmonize").put("candidates", 4).put("seed", 13)
        .put("region", new JsonObject().put("startBar", 0).put("endBar", 8))
        .put("sliders", new JsonObject().put("busy", busy));
    GenerationPlan plan = plan(6, request);
    int notes = 0;
    for (Roll r : sample(plan)) {
      for (int v = 1; v < 4; v++) {
        for (int t = plan.regionStart() - plan.windowStart(); t < plan.regionEnd() - plan.windowStart(); t++) {
          notes += t == plan.regionStart() - plan.windowStart() || r.pitch(v, t) != r.pitch(v, t - 1) ? 1 : 0;
        }
      }
    }
    return notes / 4.0 / 3 / ((plan.regionEnd() - plan.regionStart()) / 16.0);
  }

  @Test
  void harmonizeWithTheStudiosDefaultsWritesNoParallelsAndNoJitter() throws Exception {
    GenerationPlan plan = plan(7, new JsonObject().put("mode", "harmonize").put("candidates", 2).put("seed", 3)
        .put("region", new JsonObject().put("startBar", 0).put("endBar", 8)));
    assertTrue(plan.controls().strict(), "the strict part-writing lock is on by default");
    for (Roll r : sample(plan)) {
      int parallels = 0;
      int notes = 0;
      int lone = 0;
      int from = plan.regionStart() - plan.windowStart();
      int to = plan.regionEnd() - plan.windowStart();
      for (int t = from + 1; t < to; t++) {
        for (int a = 0; a < 4; a++) {
          for (int b = a + 1; b < 4; b++) {
            int before = Math.floorMod(r.pitch(a, t - 1) - r.pitch(b, t - 1), 12);
            int after = Math.floorMod(r.pitch(a, t) - r.pitch(b, t), 12);
            boolean move = r.pitch(a, t) != r.pitch(a, t - 1) && r.pitch(b, t) != r.pitch(b, t - 1);
            boolean same = Integer.signum(r.pitch(a, t) - r.pitch(a, t - 1)) == Integer.signum(r.pitch(b, t) - r.pitch(b, t - 1));
            parallels += move && same && before == after && (before == 0 || before == 7) ? 1 : 0;
          }
        }
      }
      for (int v = 1; v < 4; v++) {
        int t = from;
        while (t < to) {
          int end = t + 1;
          while (end < to && r.pitch(v, end) == r.pitch(v, t)) {
            end++;
          }
          notes++;
          lone += end - t == 1 ? 1 : 0;
          t = end;
        }
      }
      assertEquals(0, parallels, "parallel fifths or octaves");
      assertTrue(lone * 5 < notes, lone + " of " + notes + " lower-voice notes are a lone sixteenth");
    }
  }

  private static String cells(List<Roll> rolls) {
    StringBuilder sb = new StringBuilder();
    for (Roll r : rolls) {
      for (int v = 0; v < 4; v++) {
        for (int t = 0; t < r.steps(); t++) {
          sb.append(r.pitch(v, t)).append(',');
        }
      }
      sb.append('|');
    }
    return sb.toString();
  }
}
