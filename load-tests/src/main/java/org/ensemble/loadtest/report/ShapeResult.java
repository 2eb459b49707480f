package org.ensemble.loadtest.report;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one shape against one target, as one JSON line of the results file. Times are in
 * microseconds, memory in kB, rates per second.
 */
public record ShapeResult(
    String kind,
    String target,
    String label,
    int rooms,
    int clients,
    double editsPerSecond,
    int warmupSeconds,
    int measureSeconds,
    long latencyCount,
    long expectedDeliveries,
    long p50,
    long p95,
    long p99,
    long max,
    double deliveredPerSecond,
    double editsSentPerSecond,
    long connectCount,
    long connectP50,
    long connectP99,
    Map<String, Long> errors,
    long peakRssKb,
    double serverCpuPercent,
    double toolCpuPercent,
    double loadAverageBefore,
    boolean converged,
    String convergence) {

  public long errorTotal() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public JsonObject toJson() {
    JsonObject errs = new JsonObject();
    errors.forEach(errs::put);
    return new JsonObject().put("kind", kind).put("target", target).put("label", label).put("rooms", rooms)
        .put("clients", clients).put("editsPerSecond", editsPerSecond).put("warmupSeconds", warmupSeconds)
        .put("measureSeconds", measureSeconds).put("latencyCount", latencyCount)
        .put("expectedDeliveries", expectedDeliveries).put("p50", p50).put("p95", p95).put("p99", p99)
        .put("max", max).put("deliveredPerSecond", deliveredPerSecond).put("editsSentPerSecond", editsSentPerSecond)
        .put("connectCount", connectCount).put("connectP50", connectP50).put("connectP99", connectP99)
        .put("errors", errs).put("peakRssKb", peakRssKb).put("serverCpuPercent", serverCpuPercent)
        .put("toolCpuPercent", toolCpuPercent).put("loadAverageBefore", loadAverageBefore)
        .put("converged", converged).put("convergence", convergence);
  }

  public static ShapeResult fromJson(JsonObject j) {
    Map<String, Long> errs = new TreeMap<>();
    j.getJsonObject("errors", new JsonObject()).forEach(e -> errs.put(e.getKey(), ((Number) e.getValue()).longValue()));
    return new ShapeResult(j.getString("kind"), j.getString("target"), j.getString("label"), j.getInteger("rooms"),
        j.getInteger("clients"), j.getDouble("editsPerSecond"), j.getInteger("warmupSeconds"),
        j.getInteger("measureSeconds"), j.getLong("latencyCount"), j.getLong("expectedDeliveries"), j.getLong("p50"),
        j.getLong("p95"), j.getLong("p99"), j.getLong("max"), j.getDouble("deliveredPerSecond"),
        j.getDouble("editsSentPerSecond"), j.getLong("connectCount"), j.getLong("connectP50"),
        j.getLong("connectP99"), errs, j.getLong("peakRssKb"), j.getDouble("serverCpuPercent"),
        j.getDouble("toolCpuPercent"), j.getDouble("loadAverageBefore"), j.getBoolean("converged"),
        j.getString("convergence"));
  }

  /** Whether the rooms converged and p99 stayed within {@code thresholdMicros}. */
  public boolean p99Within(long thresholdMicros) {
    return converged && latencyCount > 0 && p99 <= thresholdMicros;
  }

  /** {@link #p99Within} with no errors either (no disconnection, no timeout). */
  public boolean within(long thresholdMicros) {
    return p99Within(thresholdMicros) && errorTotal() == 0;
  }
}
