package org.ensemble.cowriter.data;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSB chorales in Coconet's voice-separated sixteenth-note JSON ({@code Jsb16thSeparated.json}):
 * an object with "train", "valid" and "test", each an array of pieces, each an array of
 * [soprano, alto, tenor, bass] steps with -1 for a rest. Training, evaluation and tests share it.
 */
public record ChoraleSet(List<Chorale> train, List<Chorale> valid, List<Chorale> test) {

  /**
   * Where the commands read the data unless {@code --data} names another file: under the working
   * directory (the repository root for {@code ./ensemble}), where scripts/install-test-deps.sh links
   * the machine's copy. The file is not in the repository (its source states no licence).
   */
  public static Path defaultPath() {
    return Path.of("datasets", "jsb-chorales", "Jsb16thSeparated.json");
  }

  public static ChoraleSet read(Path file) throws IOException {
    JsonObject root = new JsonObject(Files.readString(file));
    return new ChoraleSet(split(root, "train"), split(root, "valid"), split(root, "test"));
  }

  public List<Chorale> split(String name) {
    return switch (name) {
      case "train" -> train;
      case "valid" -> valid;
      case "test" -> test;
      default -> throw new IllegalArgumentException("unknown split " + name + " (train, valid or test)");
    };
  }

  private static List<Chorale> split(JsonObject root, String name) {
    JsonArray pieces = root.getJsonArray(name);
    if (pieces == null) {
      throw new IllegalArgumentException("the chorale file has no \"" + name + "\" split");
    }
    List<Chorale> out = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      JsonArray piece = pieces.getJsonArray(i);
      int[][] steps = new int[piece.size()][Chorale.VOICES];
      for (int t = 0; t < steps.length; t++) {
        JsonArray step = piece.getJsonArray(t);
        if (step.size() != Chorale.VOICES) {
          throw new IllegalArgumentException(name + " piece " + i + " step " + t + " has " + step.size() + " voices, not 4");
        }
        for (int v = 0; v < Chorale.VOICES; v++) {
          steps[t][v] = step.getInteger(v);
        }
      }
      out.add(new Chorale(steps));
    }
    return List.copyOf(out);
  }
}
