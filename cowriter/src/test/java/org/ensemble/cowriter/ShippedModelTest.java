package org.ensemble.cowriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.eval.EvaluateCommand;
import org.ensemble.cowriter.eval.MaskedNll;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Roll;
import org.junit.jupiter.api.Test;

/** The committed model loads and scores what its model card says it scores. */
class ShippedModelTest {
  /** The card's figures are rounded to 3 decimals; BLAS may differ in the last bits between machines. */
  private static final double TOLERANCE = 0.01;

  @Test
  void theShippedModelScoresItsCardsValidationFigure() throws Exception {
    JsonObject evaluation = new JsonObject(Files.readString(Models.shipped().resolve("evaluation.json")));
    JsonObject half = evaluation.getJsonArray("nll").stream().map(JsonObject.class::cast)
        .filter(r -> r.getDouble("maskRate") == 0.5).findFirst().orElseThrow();
    ChoraleSet data = Models.chorales();
    try (ChoraleModel model = ChoraleModel.load(Models.shipped());
         Predictor<List<Roll>, Distributions> predictor = model.newPredictor()) {
      assertEquals(evaluation.getString("modelVersion"), model.version(), "the card describes these weights");
      List<Roll> rolls = MaskedNll.maskedPieces(data.valid(), model.spec(), 0.5, EvaluateCommand.SEED);
      double nll = MaskedNll.network(predictor, rolls);
      assertEquals(half.getDouble("network"), nll, TOLERANCE, "validation NLL at mask rate 0.5");
      assertTrue(nll < half.getDouble("baseline"), "the network beats the Markov baseline (" + half.getDouble("baseline") + ")");
    }
  }
}
