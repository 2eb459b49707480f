package org.ensemble.server.attribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What became of the AI's suggestions, from the ledger: accepted as they were, accepted and then
 * edited (taken in part, or later changed or deleted by a person), rejected, or still pending.
 */
final class SuggestionStats {
  enum Outcome { PENDING, ACCEPTED, EDITED, REJECTED }

  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
  private final Map<String, String> requesters = new LinkedHashMap<>();

  SuggestionStats(Ledger ledger, Set<String> editedAfterAcceptance) {
    for (LedgerEntry e : ledger.entries()) {
      Attributes a = e.attributes();
      if (a.ai() == null || a.ai().suggestionId().isEmpty()) {
        continue;
      }
      String id = a.ai().suggestionId();
      requesters.putIfAbsent(id, a.ai().requestedBy());
      Outcome now = outcomes.getOrDefault(id, Outcome.PENDING);
      switch (a.action()) {
        case SUGGEST:
          outcomes.putIfAbsent(id, Outcome.PENDING);
          break;
        case ACCEPT:
          outcomes.put(id, now == Outcome.EDITED ? Outcome.EDITED : Outcome.ACCEPTED);
          break;
        case ACCEPT_IN_PART:
          outcomes.put(id, Outcome.EDITED);
          break;
        case REJECT:
          if (now == Outcome.PENDING) {
            outcomes.put(id, Outcome.REJECTED);
          }
          break;
        default:
          break;
      }
    }
    for (String id : editedAfterAcceptance) {
      if (outcomes.get(id) == Outcome.ACCEPTED) {
        outcomes.put(id, Outcome.EDITED);
      }
    }
  }

  int count(Outcome o) {
    return (int) outcomes.values().stream().filter(o::equals).count();
  }

  JsonObject toJson() {
    int accepted = count(Outcome.ACCEPTED);
    int edited = count(Outcome.EDITED);
    int rejected = count(Outcome.REJECTED);
    int decided = accepted + edited + rejected;
    JsonArray each = new JsonArray();
    outcomes.forEach((id, o) -> each.add(new JsonObject().put("suggestion", id).put("requestedBy", requesters.get(id))
        .put("outcome", o.name().toLowerCase(java.util.Locale.ROOT))));
    return new JsonObject().put("total", outcomes.size()).put("accepted", accepted).put("edited", edited)
        .put("rejected", rejected).put("pending", count(Outcome.PENDING))
        .put("acceptanceRate", Shares.fraction(accepted + edited, decided)).put("suggestions", each);
  }
}
