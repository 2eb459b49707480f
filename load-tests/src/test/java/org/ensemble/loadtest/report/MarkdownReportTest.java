package org.ensemble.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private static ShapeResult shape(String kind, String target, double rate, long p99, double delivered,
                                   Map<String, Long> errors) {
    return shape(kind, target, rate, p99, delivered, errors, 50);
  }

  private static ShapeResult shape(String kind, String target, double rate, long p99, double delivered,
                                   Map<String, Long> errors, double serverCpuPercent) {
    return new ShapeResult(kind, target, "20x10@" + (int) rate, 20, 10, rate, 5, 30, 1000, 1000, p99 / 4, p99 / 2,
        p99, p99 * 2, delivered, delivered / 9, 200, 1000, 5000, errors, 100_000, serverCpuPercent, 60, 0.3, true, "ok");
  }

  @Test
  void resultsSurviveTheirJsonLine() {
    ShapeResult r = shape("shape", "ensemble", 3, 20_000, 5400, Map.of("closed 4408", 3L));
    assertEquals(r, ShapeResult.fromJson(new JsonObject(r.toJson().encode())));
    IdleResult i = new IdleResult("reference", 50_000, List.of(100, 1000), List.of(60_000L, 90_000L), 95_000, 1000,
        2000, 0, Map.of(), 0.1);
    assertEquals(i, IdleResult.fromJson(new JsonObject(i.toJson().encode())));
    assertEquals(30_000 / 900.0, i.perRoomKb(), 1e-9);
  }

  @Test
  void theBarIsJudgedPerPart() {
    List<JsonObject> lines = List.of(
        shape("shape", "ensemble", 3, 10_000, 5400, Map.of()).toJson(),
        shape("shape", "reference", 3, 30_000, 5400, Map.of()).toJson(),
        shape("saturation", "ensemble", 4, 50_000, 7200, Map.of()).toJson(),
        shape("saturation", "ensemble", 8, 40_000, 9000, Map.of("closed 4408", 1L)).toJson(),
        shape("saturation", "reference", 4, 60_000, 7200, Map.of()).toJson(),
        shape("saturation", "reference", 8, 150_000, 14_000, Map.of()).toJson(),
        new IdleResult("ensemble", 100_000, List.of(100, 1000), List.of(110_000L, 200_000L), 210_000, 1, 2, 0,
            Map.of(), 0).toJson(),
        new IdleResult("reference", 50_000, List.of(100, 1000), List.of(60_000L, 120_000L), 130_000, 1, 2, 0,
            Map.of(), 0).toJson());
    String md = MarkdownReport.render(lines, "t", "load-tests/run.sh", "");
    assertTrue(md.contains("| p99 at 20 × 10 @ 3/s, Java clients | 10.0 ms | 30.0 ms | 0.33× | ≤ 0.5× | yes |"), md);
    assertTrue(md.contains("p99 ≤ 100 ms) | 9,000 | 7,200 | 1.25× | ≥ 2× | **no** |"), md);
    assertTrue(md.contains("p99 ≤ 100 ms, no errors) | 7,200 | 7,200 | 1.00× | ≥ 2× | **no** (informative) |"), md);
    assertTrue(md.contains("| 100.0 kB | 66.7 kB | 1.50× | ≤ 1× | **no** |"), md);
  }

  @Test
  void serverCpuPerDeliveryIsComparedAtTheHighestRateBothPassed() {
    List<JsonObject> lines = List.of(
        shape("saturation", "ensemble", 4, 20_000, 7200, Map.of(), 36).toJson(),
        shape("saturation", "ensemble", 8, 40_000, 14_400, Map.of(), 54).toJson(),
        shape("saturation", "ensemble", 10, 150_000, 18_000, Map.of(), 60).toJson(),
        shape("saturation", "reference", 4, 30_000, 7200, Map.of(), 54).toJson(),
        shape("saturation", "reference", 8, 90_000, 14_400, Map.of(), 72).toJson(),
        shape("saturation", "reference", 10, 150_000, 18_000, Map.of(), 80).toJson());
    String md = MarkdownReport.render(lines, "t", "load-tests/run.sh", "");
    assertTrue(md.contains("| server CPU per delivered update at 8 edits/s per client (the highest rate both passed) "
        + "| 37.5 µs | 50.0 µs | 0.75× | – | (informative) |"), md);
    String refNeverPassed = MarkdownReport.render(List.of(lines.get(0), lines.get(5)), "t", "", "");
    assertFalse(refNeverPassed.contains("server CPU per delivered update"), refNeverPassed);
  }

  @Test
  void memoryPerRoomIsTheMedianOfTheRuns() {
    IdleResult a = idle("ensemble", 40_000);
    IdleResult b = idle("ensemble", 64_000);
    IdleResult c = idle("ensemble", 45_000);
    assertEquals(45_000 / 900.0, MarkdownReport.medianPerRoomKb(List.of(a, b, c), "ensemble").getAsDouble(), 1e-9);
    assertEquals(52_000 / 900.0, MarkdownReport.medianPerRoomKb(List.of(a, b), "ensemble").getAsDouble(), 1e-9);
    assertTrue(MarkdownReport.medianPerRoomKb(List.of(a), "reference").isEmpty());
    String md = MarkdownReport.render(List.of(a.toJson(), b.toJson(), c.toJson(), idle("reference", 45_000).toJson()),
        "t", "load-tests/run.sh", "");
    assertTrue(md.contains("| memory per extra idle room (median of 3 runs) | 50.0 kB | 50.0 kB | 1.00× | ≤ 1× | yes |"),
        md);
  }

  @Test
  void latencyIsJudgedOnTheMedianP99OfTheRuns() {
    List<JsonObject> lines = List.of(
        shape("shape", "ensemble", 3, 12_000, 5400, Map.of()).toJson(),
        shape("shape", "reference", 3, 30_000, 5400, Map.of()).toJson(),
        shape("shape", "ensemble", 3, 90_000, 5400, Map.of()).toJson(),
        shape("shape", "reference", 3, 20_000, 5400, Map.of()).toJson(),
        shape("shape", "ensemble", 3, 9_000, 5400, Map.of()).toJson(),
        shape("shape", "reference", 3, 26_000, 5400, Map.of()).toJson());
    String md = MarkdownReport.render(lines, "t", "load-tests/run.sh", "");
    assertTrue(md.contains("| p99 at 20 × 10 @ 3/s, Java clients (median of 3 runs) | 12.0 ms | 26.0 ms | 0.46× | ≤ 0.5× | yes |"), md);
    String withErrors = MarkdownReport.render(List.of(lines.get(0), lines.get(1),
        shape("shape", "ensemble", 3, 9_000, 5400, Map.of("closed 4408", 1L)).toJson()), "t", "", "");
    assertTrue(withErrors.contains("| ≤ 0.5× | **no** |"), withErrors);
  }

  /** An idle run whose RSS grew by {@code grewKb} from 100 to 1,000 rooms. */
  private static IdleResult idle(String target, long grewKb) {
    return new IdleResult(target, 100_000, List.of(100, 1000), List.of(110_000L, 110_000L + grewKb), 200_000, 1, 2, 0,
        Map.of(), 0);
  }

  @Test
  void stockClientRunsAreJudgedOnP99BacklogCpuPerDeliveryAndMemoryPerClient() {
    ShapeResult ensemble = shape("stock", "ensemble", 3, 20_000, 5000, Map.of(), 20);
    ShapeResult reference = shape("stock", "reference", 3, 30_000, 5000, Map.of(), 50);
    ShapeResult behind = new ShapeResult("stock", "ensemble", "20x10@3", 20, 10, 3, 5, 30, 900, 1000, 1, 2, 20_000,
        40_000, 5000, 555, 200, 1000, 5000, Map.of(), 100_000, 20, 60, 0.3, true, "ok");
    ShapeResult variant = shape("stock-nodeflate", "ensemble", 3, 90_000, 5000, Map.of(), 90);
    String md = MarkdownReport.render(List.of(ensemble.toJson(), reference.toJson(), variant.toJson()), "t", "", "");
    assertTrue(md.contains("| p99 at 20 × 10 @ 3/s, stock clients | 20.0 ms | 30.0 ms | 0.67× | ≤ 1× (stretch 0.5×), no backlog | yes |"), md);
    assertTrue(md.contains("| server CPU per delivered update at 20 × 10 @ 3/s, stock clients | 40.0 µs | 100.0 µs | 0.40× | ≤ 0.5× | yes |"), md);
    assertTrue(md.contains("| peak RSS per connected client at 20 × 10 @ 3/s, stock clients | 500 kB | 500 kB | 1.00× | ≤ 1× | yes |"), md);
    assertTrue(md.contains("| stock-nodeflate |"), "variants are listed: " + md);
    assertFalse(md.contains("90.0 ms | 30.0 ms"), "variants are not judged: " + md);
    String late = MarkdownReport.render(List.of(behind.toJson(), reference.toJson()), "t", "", "");
    assertTrue(late.contains("| 100 |"), "the backlog is shown: " + late);
    assertTrue(late.contains("no backlog | **no** |"), "a backlog fails the bar: " + late);
  }

  @Test
  void idleMemoryIsReportedForEachModelSetting() {
    IdleResult off = new IdleResult("ensemble", 90_000, List.of(100, 1000), List.of(100_000L, 150_000L), 160_000, 1, 2,
        0, Map.of(), 0, "off");
    assertEquals(off, IdleResult.fromJson(new JsonObject(off.toJson().encode())));
    assertEquals("ensemble, model off", off.label());
    List<JsonObject> lines = List.of(off.toJson(),
        new IdleResult("ensemble", 250_000, List.of(100, 1000), List.of(260_000L, 350_000L), 360_000, 1, 2, 0,
            Map.of(), 0, "eager").toJson(),
        idle("reference", 50_000).toJson());
    String md = MarkdownReport.render(lines, "t", "", "");
    assertTrue(md.contains("| ensemble, model off | 87.9 MB |"), md);
    assertTrue(md.contains("| RSS at 1,000 idle rooms, AI model off | 146.5 MB | 156.3 MB | 0.94× | reported | – |"), md);
    assertTrue(md.contains("| RSS at 1,000 idle rooms, AI model loaded at start (eager) | 341.8 MB |"), md);
    // memory per extra room is judged on Ensemble as it starts by default (eager): 90,000 kB / 900
    assertTrue(md.contains("| memory per extra idle room | 100.0 kB | 55.6 kB | 1.80× | ≤ 1× | **no** |"), md);
  }
}
