package org.ensemble.cowriter;

import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.cowriter.cli.CommandLine;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.ChoraleProject;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.cowriter.generation.Candidates;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.cowriter.generation.GenerationRequest;
import org.ensemble.cowriter.generation.SuggestedNote;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.schema.MidiExport;
import org.ensemble.schema.ProjectView;

/**
 * {@code generate --request JSON [--model DIR] [--split test] [--piece N] [--out PREFIX]}: runs one
 * request (the API's request shape, docs/generation.md) on a chorale of the data set and writes
 * the original and each candidate as MIDI files PREFIX-original.mid, PREFIX-1.mid, …
 */
public final class GenerateCommand {
  private GenerateCommand() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(args, "model", "data", "split", "piece", "request", "out");
    ChoraleSet data = ChoraleSet.read(Path.of(cli.get("data", ChoraleSet.defaultPath().toString())));
    String split = cli.get("split", "test");
    int index = cli.getInt("piece", 0);
    Chorale piece = data.split(split).get(index);
    ProjectView project = ChoraleProject.of(piece, split + " chorale " + index);
    GenerationRequest request = GenerationRequest.parse(new JsonObject(cli.get("request", "{\"mode\": \"harmonize\", "
        + "\"region\": {\"startBar\": 0, \"endBar\": 4}}")), 1);
    String out = cli.get("out", "generated");
    try (ChoraleModel model = ChoraleModel.load(Path.of(cli.get("model", "models/chorale")));
         Predictor<List<Roll>, Distributions> predictor = model.newPredictor()) {
      GenerationPlan plan = GenerationPlan.of(request, project, model.spec());
      long started = System.nanoTime();
      List<List<SuggestedNote>> candidates = Candidates.sample(new GibbsSampler(predictor, model.spec()), plan, model.spec());
      double ms = (System.nanoTime() - started) / 1e6;
      Files.write(Path.of(out + "-original.mid"), MidiExport.toStandardMidiFile(project));
      for (int c = 0; c < candidates.size(); c++) {
        Files.write(Path.of(out + "-" + (c + 1) + ".mid"),
            MidiExport.toStandardMidiFile(Candidates.applied(project, plan, candidates.get(c))));
      }
      System.out.println(new JsonObject().put("piece", split + "/" + index).put("key", project.meta().key().tonic() + " "
          + project.meta().key().mode().schemaName()).put("request", request.toJson()).put("candidates", candidates.size())
          .put("notes", candidates.stream().mapToInt(List::size).sum()).put("milliseconds", Math.round(ms))
          .put("files", out + "-original.mid, " + out + "-1.mid …").encodePrettily());
    }
  }
}
