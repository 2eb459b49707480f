package org.ensemble.server.generation.service;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.cowriter.generation.SuggestedNote;
import org.ensemble.server.auth.UserIdentity;

/** One candidate as it goes into the document: its notes and everything needed to judge it. */
public record Suggestion(String id, String jobId, int candidate, GenerationPlan plan, List<SuggestedNote> notes,
                         String modelVersion, String modelCardPath, UserIdentity requestedBy, Instant createdAt) {

  JsonObject region() {
    JsonObject region = new JsonObject().put("startTick", plan.regionStartTick()).put("endTick", plan.regionEndTick());
    io.vertx.core.json.JsonArray voices = new io.vertx.core.json.JsonArray();
    plan.request().voices().forEach(v -> voices.add(v.wireName()));
    return region.put("voices", voices);
  }
}
