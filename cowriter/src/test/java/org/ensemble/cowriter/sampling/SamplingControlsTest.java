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
    System.err.printf("mean cell entropy over 8 candidates: %.3f nats at temperature 0.5, %.3f at 2%n", cold, hot);
    assertTrue(hot > cold + 0.1, "entropy at temperature 2 (" + hot + ") above entropy at 0.5 (" + cold + ")");
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
