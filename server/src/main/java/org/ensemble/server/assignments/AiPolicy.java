package org.ensemble.server.assignments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * What the AI co-writer may do in an assignment's copies: nothing ({@code off}), hints ({@code hints}:
 * one voice per request and at most {@code limit} requests per copy), or everything ({@code on}).
 * The server checks it before a generation is queued; a refusal says why.
 */
public record AiPolicy(Mode mode, int limit) {
  public enum Mode { OFF, HINTS, ON }

  public static final int DEFAULT_HINT_LIMIT = 5;
  public static final int MAX_HINT_LIMIT = 100;

  static AiPolicy parse(Object mode, Object limit) {
    if (!(mode instanceof String m)) {
      throw new IllegalArgumentException("aiPolicy must be \"off\", \"hints\" or \"on\"");
    }
    Mode parsed;
    try {
      parsed = Mode.valueOf(m.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("aiPolicy must be \"off\", \"hints\" or \"on\", not \"" + m + "\"");
    }
    int n = DEFAULT_HINT_LIMIT;
    if (limit != null) {
      if (!(limit instanceof Integer i) || i < 1 || i > MAX_HINT_LIMIT) {
        throw new IllegalArgumentException("aiHintLimit must be from 1 to " + MAX_HINT_LIMIT);
      }
      n = i;
    }
    return new AiPolicy(parsed, n);
  }

  /** Why a generation request with {@code body} is refused after {@code used} requests, or null when it may go. */
  String refusal(JsonObject body, int used) {
    switch (mode) {
      case OFF:
        return "the AI co-writer is off for this assignment: your teacher wants this work to be yours alone";
      case HINTS: {
        JsonObject region = body.getValue("region") instanceof JsonObject r ? r : null;
        Object voices = region == null ? null : region.getValue("voices");
        if (!(voices instanceof JsonArray list) || list.size() != 1) {
          return "this assignment allows AI hints only: ask for one voice at a time (choose a single voice)";
        }
        if (used >= limit) {
          return "this assignment allows " + limit + " AI hints per student, and all " + limit + " have been used";
        }
        return null;
      }
      default:
        return null;
    }
  }

  String wireName() {
    return mode.name().toLowerCase(Locale.ROOT);
  }
}
