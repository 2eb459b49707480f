package org.ensemble.server.generation.service;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.cowriter.generation.GenerationException;
import org.ensemble.cowriter.model.ChoraleModel;

/**
 * What the API tells anyone about the model: its card (MODEL_CARD.md: data, licence status,
 * training, evaluation) and the figures beside it (spec.json, training.json, evaluation.json).
 */
public final class ModelCard {
  public static final String CARD_FILE = "MODEL_CARD.md";

  private final Path dir;

  ModelCard(Path dir) {
    this.dir = dir;
  }

  public JsonObject toJson() throws IOException {
    if (!Files.isRegularFile(dir.resolve(CARD_FILE))) {
      throw new GenerationException(503, "no model card in " + dir);
    }
    JsonObject json = new JsonObject().put("card", Files.readString(dir.resolve(CARD_FILE)));
    for (String name : new String[] {"spec", "training", "evaluation", "benchmark"}) {
      Path file = dir.resolve(name + ".json");
      if (Files.isRegularFile(file)) {
        json.put(name, new JsonObject(Files.readString(file)));
      }
    }
    try {
      json.put("version", ChoraleModel.versionOf(dir));
    } catch (IOException e) {
      json.putNull("version");
    }
    return json;
  }

  public String markdown() throws IOException {
    if (!Files.isRegularFile(dir.resolve(CARD_FILE))) {
      throw new GenerationException(503, "no model card in " + dir);
    }
    return Files.readString(dir.resolve(CARD_FILE));
  }
}
