package org.ensemble.loadtest.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resident memory of a server holding idle rooms (one client each): the RSS with no room open, then
 * after each step of rooms; memory in kB.
 */
public record IdleResult(
    String target,
    long baselineRssKb,
    List<Integer> roomCounts,
    List<Long> rssKb,
    long peakRssKb,
    long connectP50,
    long connectP99,
    int roomsWithoutContent,
    Map<String, Long> errors,
    double loadAverageBefore,
    String model) {

  /** A reading of a server at its default model setting. */
  public IdleResult(String target, long baselineRssKb, List<Integer> roomCounts, List<Long> rssKb, long peakRssKb,
                    long connectP50, long connectP99, int roomsWithoutContent, Map<String, Long> errors,
                    double loadAverageBefore) {
    this(target, baselineRssKb, roomCounts, rssKb, peakRssKb, connectP50, connectP99, roomsWithoutContent, errors,
        loadAverageBefore, null);
  }

  /** The server, with its AI model setting when one was chosen: {@code ensemble, model off}. */
  public String label() {
    return model == null ? target : target + ", model " + model;
  }

  /** The RSS with the most rooms open, in kB. */
  public long mostRoomsRssKb() {
    return rssKb.get(rssKb.size() - 1);
  }

  /** The RSS added per room between the first and the last step, in kB. */
  public double perRoomKb() {
    int n = roomCounts.size() - 1;
    return (rssKb.get(n) - rssKb.get(0)) / (double) (roomCounts.get(n) - roomCounts.get(0));
  }

  public JsonObject toJson() {
    JsonObject errs = new JsonObject();
    errors.forEach(errs::put);
    return new JsonObject().put("kind", "idle").put("target", target).put("baselineRssKb", baselineRssKb)
        .put("roomCounts", new JsonArray(new ArrayList<>(roomCounts))).put("rssKb", new JsonArray(new ArrayList<>(rssKb)))
        .put("peakRssKb", peakRssKb).put("connectP50", connectP50).put("connectP99", connectP99)
        .put("roomsWithoutContent", roomsWithoutContent).put("errors", errs)
        .put("loadAverageBefore", loadAverageBefore).put("perRoomKb", perRoomKb()).put("model", model);
  }

  public static IdleResult fromJson(JsonObject j) {
    Map<String, Long> errs = new TreeMap<>();
    j.getJsonObject("errors", new JsonObject()).forEach(e -> errs.put(e.getKey(), ((Number) e.getValue()).longValue()));
    List<Integer> counts = j.getJsonArray("roomCounts").stream().map(o -> ((Number) o).intValue()).toList();
    List<Long> rss = j.getJsonArray("rssKb").stream().map(o -> ((Number) o).longValue()).toList();
    return new IdleResult(j.getString("target"), j.getLong("baselineRssKb"), counts, rss, j.getLong("peakRssKb"),
        j.getLong("connectP50"), j.getLong("connectP99"), j.getInteger("roomsWithoutContent"), errs,
        j.getDouble("loadAverageBefore"), j.getString("model"));
  }
}
