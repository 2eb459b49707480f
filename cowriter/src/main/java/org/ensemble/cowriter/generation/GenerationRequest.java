package org.ensemble.cowriter.generation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One request, as the musician sends it (docs/generation.md), checked for shape and ranges. Checks
 * against the project itself (does the region lie in the piece, is there a track per voice) come
 * later, in {@link GenerationPlan}.
 *
 * @param startBar  first bar of the region, counted from 0 (null for {@code continue})
 * @param endBar    bar after the region's last (null for {@code continue})
 * @param startBeat finer start in beats of the time signature, counted from 0 (overrides startBar)
 * @param endBeat   finer end in beats (overrides endBar)
 * @param bars      bars to append ({@code continue} only)
 * @param ranges    per voice lowest and highest MIDI note allowed; null without a range lock
 * @param strictLock the strict part-writing lock (no parallel fifths or octaves, leaps limited, no voice
 *                   crossing, leading tone resolved); on unless the request turns it off
 */
public record GenerationRequest(Mode mode, Integer startBar, Integer endBar, Integer startBeat, Integer endBeat,
                                Set<Voice> voices, int bars, int candidates, long seed, double surprise, double happy,
                                double busy, double different, double strength, boolean keyLock,
                                Map<Voice, int[]> ranges, boolean strictLock) {
  public static final int MAX_CANDIDATES = 8;
  public static final int MAX_CONTINUE_BARS = 8;
  public static final int DEFAULT_CANDIDATES = 2;
  public static final double DEFAULT_STRENGTH = 0.5;
  /** The strict part-writing lock is on unless a request says {@code "strictLock": false} (MODEL_CARD.md has both). */
  public static final boolean DEFAULT_STRICT_LOCK = true;
  /** The largest integer a JavaScript number holds exactly: seeds travel through the document. */
  public static final long MAX_SEED = (1L << 53) - 1;
  /** Conventional choir ranges for {@code "rangeLock": true}: S C4–A5, A G3–D5, T C3–G4, B E2–C4. */
  static final int[][] CHOIR_RANGES = {{60, 81}, {55, 74}, {48, 67}, {40, 60}};

  /** Parses a request body; {@code randomSeed} is used when the body gives no seed. */
  public static GenerationRequest parse(JsonObject body, long randomSeed) {
    Mode mode = Mode.parse(string(body, "mode", "infill"));
    JsonObject region = object(body, "region");
    Integer startBar = integer(region, "startBar");
    Integer endBar = integer(region, "endBar");
    Integer startBeat = integer(region, "startBeat");
    Integer endBeat = integer(region, "endBeat");
    if (mode == Mode.CONTINUE) {
      if (startBar != null || endBar != null || startBeat != null || endBeat != null) {
        throw GenerationException.badRequest("continue appends after the piece: give \"bars\", not a region's start and end");
      }
    } else if ((startBar == null && startBeat == null) || (endBar == null && endBeat == null)) {
      throw GenerationException.badRequest("the region needs a start and an end: \"startBar\" and \"endBar\" "
          + "(or \"startBeat\" and \"endBeat\")");
    }
    Set<Voice> voices = voices(region, mode);
    int bars = inRange(integerOr(body, "bars", 1), 1, MAX_CONTINUE_BARS, "bars");
    int candidates = inRange(integerOr(body, "candidates", DEFAULT_CANDIDATES), 1, MAX_CANDIDATES, "candidates");
    long seed = body.containsKey("seed") ? longValue(body, "seed") : randomSeed;
    JsonObject sliders = object(body, "sliders");
    double strength = number(body, "strength", DEFAULT_STRENGTH, 0.05, 1);
    return new GenerationRequest(mode, startBar, endBar, startBeat, endBeat, voices, bars, candidates, seed,
        number(sliders, "surprise", 0, -1, 1), number(sliders, "happy", 0, -1, 1), number(sliders, "busy", 0, -1, 1),
        number(sliders, "different", 0, -1, 1), strength, bool(body, "keyLock", false), ranges(body),
        bool(body, "strictLock", DEFAULT_STRICT_LOCK));
  }

  /** The request as stored beside its suggestions (what the candidates were made with). */
  public JsonObject toJson() {
    JsonObject region = new JsonObject();
    if (startBar != null) region.put("startBar", startBar);
    if (endBar != null) region.put("endBar", endBar);
    if (startBeat != null) region.put("startBeat", startBeat);
    if (endBeat != null) region.put("endBeat", endBeat);
    JsonArray v = new JsonArray();
    voices.forEach(x -> v.add(x.wireName()));
    region.put("voices", v);
    JsonObject json = new JsonObject().put("mode", mode.wireName()).put("region", region)
        .put("candidates", candidates).put("seed", seed)
        .put("sliders", new JsonObject().put("surprise", surprise).put("happy", happy).put("busy", busy)
            .put("different", different))
        .put("keyLock", keyLock).put("strictLock", strictLock);
    if (mode == Mode.CONTINUE) json.put("bars", bars);
    if (mode == Mode.VARIATION) json.put("strength", strength);
    if (ranges != null) {
      JsonObject r = new JsonObject();
      ranges.forEach((voice, range) -> r.put(voice.wireName(), new JsonArray().add(range[0]).add(range[1])));
      json.put("rangeLock", r);
    }
    return json;
  }

  private static Set<Voice> voices(JsonObject region, Mode mode) {
    Object raw = region.getValue("voices");
    if (raw == null) {
      return mode.defaultVoices();
    }
    if (!(raw instanceof JsonArray list) || list.isEmpty()) {
      throw GenerationException.badRequest("\"voices\" must be a non-empty list such as [\"alto\", \"tenor\"]");
    }
    Set<Voice> voices = EnumSet.noneOf(Voice.class);
    for (Object o : list) {
      if (!(o instanceof String name)) {
        throw GenerationException.badRequest("voices are names: soprano, alto, tenor, bass");
      }
      voices.add(Voice.parse(name));
    }
    if (mode == Mode.HARMONIZE && voices.contains(Voice.SOPRANO)) {
      throw GenerationException.badRequest("harmonize keeps the melody: the soprano cannot be one of its voices");
    }
    if (mode == Mode.MELODY && !voices.equals(EnumSet.of(Voice.SOPRANO))) {
      throw GenerationException.badRequest("melody writes the soprano over the given lower voices; voices must be [\"soprano\"]");
    }
    return voices;
  }

  private static Map<Voice, int[]> ranges(JsonObject body) {
    Object raw = body.getValue("rangeLock");
    if (raw == null || Boolean.FALSE.equals(raw)) {
      return null;
    }
    Map<Voice, int[]> ranges = new EnumMap<>(Voice.class);
    if (Boolean.TRUE.equals(raw)) {
      for (Voice v : Voice.values()) {
        ranges.put(v, CHOIR_RANGES[v.ordinal()].clone());
      }
      return ranges;
    }
    if (!(raw instanceof JsonObject given)) {
      throw GenerationException.badRequest("\"rangeLock\" is true (choir ranges) or {\"alto\": [55, 74], ...}");
    }
    for (String name : given.fieldNames()) {
      Voice v = Voice.parse(name);
      if (!(given.getValue(name) instanceof JsonArray pair) || pair.size() != 2
          || !(pair.getValue(0) instanceof Integer low) || !(pair.getValue(1) instanceof Integer high)
          || low < 0 || high > 127 || low > high) {
        throw GenerationException.badRequest("the range of " + name + " must be [lowest, highest] MIDI notes, 0–127");
      }
      ranges.put(v, new int[] {low, high});
    }
    return ranges;
  }

  private static JsonObject object(JsonObject body, String key) {
    Object raw = body.getValue(key);
    if (raw == null) {
      return new JsonObject();
    }
    if (!(raw instanceof JsonObject o)) {
      throw GenerationException.badRequest("\"" + key + "\" must be an object");
    }
    return o;
  }

  private static String string(JsonObject body, String key, String fallback) {
    Object raw = body.getValue(key);
    if (raw == null) {
      return fallback;
    }
    if (!(raw instanceof String s)) {
      throw GenerationException.badRequest("\"" + key + "\" must be a string");
    }
    return s;
  }

  private static Integer integer(JsonObject body, String key) {
    Object raw = body.getValue(key);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Integer i)) {
      throw GenerationException.badRequest("\"" + key + "\" must be a whole number");
    }
    return i;
  }

  private static int integerOr(JsonObject body, String key, int fallback) {
    Integer i = integer(body, key);
    return i == null ? fallback : i;
  }

  private static long longValue(JsonObject body, String key) {
    Object raw = body.getValue(key);
    if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < 0
        || ((Number) raw).longValue() > MAX_SEED) {
      throw GenerationException.badRequest("\"" + key + "\" must be a whole number from 0 to " + MAX_SEED);
    }
    return ((Number) raw).longValue();
  }

  private static int inRange(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw GenerationException.badRequest("\"" + key + "\" must be from " + min + " to " + max + ", not " + value);
    }
    return value;
  }

  private static double number(JsonObject body, String key, double fallback, double min, double max) {
    Object raw = body.getValue(key);
    if (raw == null) {
      return fallback;
    }
    if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw GenerationException.badRequest("\"" + key + "\" must be a number");
    }
    double x = n.doubleValue();
    if (x < min || x > max) {
      throw GenerationException.badRequest("\"" + key + "\" must be from " + min + " to " + max + ", not " + x);
    }
    return x;
  }

  private static boolean bool(JsonObject body, String key, boolean fallback) {
    Object raw = body.getValue(key);
    if (raw != null && !(raw instanceof Boolean)) {
      throw GenerationException.badRequest("\"" + key + "\" must be true or false");
    }
    return raw == null ? fallback : (Boolean) raw;
  }
}
