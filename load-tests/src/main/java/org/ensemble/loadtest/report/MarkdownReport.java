package org.ensemble.loadtest.report;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Renders the JSON lines of a run as markdown: the shapes, the check against the bar, the saturation
 * steps and the idle-room memory. Ensemble is the target named {@code ensemble}, the reference
 * {@code reference}.
 */
public final class MarkdownReport {
  static final String ENSEMBLE = "ensemble";
  static final String REFERENCE = "reference";
  static final long THRESHOLD_MICROS = 100_000;

  private MarkdownReport() {}

  public static String render(List<JsonObject> lines, String title, String command, String notes) {
    List<ShapeResult> shapes = new ArrayList<>();
    List<ShapeResult> stock = new ArrayList<>();
    List<ShapeResult> saturation = new ArrayList<>();
    List<IdleResult> idle = new ArrayList<>();
    for (JsonObject j : lines) {
      switch (j.getString("kind", "")) {
        case "shape" -> shapes.add(ShapeResult.fromJson(j));
        case "saturation" -> saturation.add(ShapeResult.fromJson(j));
        case "idle" -> idle.add(IdleResult.fromJson(j));
        default -> {
          if (j.getString("kind", "").startsWith("stock")) {
            stock.add(ShapeResult.fromJson(j));
          }
        }
      }
    }
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    if (!notes.isBlank()) {
      md.append(notes.strip()).append("\n\n");
    }
    if (!command.isBlank()) {
      md.append("Command: `").append(command).append("`\n\n");
    }
    StockBar.table(md, stock);
    if (!shapes.isEmpty()) {
      shapesTable(md, shapes);
    }
    saturationTable(md, saturation);
    idleTable(md, idle);
    bar(md, stock, shapes, saturation, idle);
    return md.toString();
  }

  private static void shapesTable(StringBuilder md, List<ShapeResult> shapes) {
    md.append("## Shapes (the Java tool's clients)\n\n")
        .append("Latency: from an edit to its arrival at each other client of the room, for the edits sent in the ")
        .append("measured window. Delivered/s: edits arriving at other clients per second.\n\n")
        .append("| shape (rooms × clients @ edits/s each) | server | edits/s | p50 | p95 | p99 | max | delivered/s | ")
        .append("connect p50 / p99 | errors | peak RSS | server CPU | tool CPU | converged | load avg before |\n")
        .append("| :- | :- | -: | -: | -: | -: | -: | -: | -: | :- | -: | -: | -: | :- | -: |\n");
    for (ShapeResult r : shapes) {
      md.append("| ").append(shapeName(r)).append(" | ").append(r.target()).append(" | ")
          .append(Format.count(r.editsSentPerSecond())).append(" | ").append(Format.millis(r.p50())).append(" | ")
          .append(Format.millis(r.p95())).append(" | ").append(Format.millis(r.p99())).append(" | ")
          .append(Format.millis(r.max())).append(" | ").append(Format.count(r.deliveredPerSecond())).append(" | ")
          .append(Format.millis(r.connectP50())).append(" / ").append(Format.millis(r.connectP99())).append(" | ")
          .append(errors(r.errors())).append(" | ").append(Format.megabytes(r.peakRssKb())).append(" | ")
          .append(Format.count(r.serverCpuPercent())).append(" % | ").append(Format.count(r.toolCpuPercent()))
          .append(" % | ").append(r.converged() ? "yes" : "**NO**: " + r.convergence()).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", r.loadAverageBefore())).append(" |\n");
    }
    md.append('\n');
  }

  private static void saturationTable(StringBuilder md, List<ShapeResult> steps) {
    if (steps.isEmpty()) {
      return;
    }
    md.append("## Saturation search\n\n")
        .append("The edit rate per client rises step by step, each step on a fresh server, until p99 passes 100 ms ")
        .append("(or the rooms do not converge). Saturation throughput: the highest delivered/s of a step whose p99 ")
        .append("stayed within 100 ms; the strict figure also requires no errors (disconnections) in the step.\n\n")
        .append("| server | shape | edits/s | p50 | p95 | p99 | max | delivered/s | errors | server CPU | tool CPU | ")
        .append("tool CPU per delivery | within 100 ms |\n| :- | :- | -: | -: | -: | -: | -: | -: | :- | -: | -: | -: | :- |\n");
    for (ShapeResult r : steps) {
      md.append("| ").append(r.target()).append(" | ").append(shapeName(r)).append(" | ")
          .append(Format.count(r.editsSentPerSecond())).append(" | ").append(Format.millis(r.p50())).append(" | ")
          .append(Format.millis(r.p95())).append(" | ").append(Format.millis(r.p99())).append(" | ")
          .append(Format.millis(r.max())).append(" | ").append(Format.count(r.deliveredPerSecond())).append(" | ")
          .append(errors(r.errors())).append(" | ").append(Format.count(r.serverCpuPercent())).append(" % | ")
          .append(Format.count(r.toolCpuPercent())).append(" % | ")
          .append(String.format(Locale.ROOT, "%.1f µs", r.toolCpuPercent() / 100.0 * 1e6 / Math.max(1, r.deliveredPerSecond())))
          .append(" | ").append(r.within(THRESHOLD_MICROS) ? "yes" : r.p99Within(THRESHOLD_MICROS) ? "p99 yes, with errors"
              : r.converged() ? "no" : "no (not converged: " + r.convergence() + ")")
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void idleTable(StringBuilder md, List<IdleResult> idle) {
    if (idle.isEmpty()) {
      return;
    }
    IdleResult any = idle.get(0);
    md.append("## Idle rooms\n\n")
        .append("Resident memory (VmRSS) of a fresh server process on stored rooms, 5 s after each step; one idle ")
        .append("client per room. Per extra room: (RSS at ").append(any.roomCounts().get(any.roomCounts().size() - 1))
        .append(" rooms − RSS at ").append(any.roomCounts().get(0)).append(") / ")
        .append(any.roomCounts().get(any.roomCounts().size() - 1) - any.roomCounts().get(0)).append(".\n\n")
        .append("| server | no room open |");
    any.roomCounts().forEach(c -> md.append(' ').append(Format.count(c)).append(" rooms |"));
    md.append(" per extra room | peak RSS | connect p50 / p99 | errors |\n| :- | -: |");
    any.roomCounts().forEach(c -> md.append(" -: |"));
    md.append(" -: | -: | -: | :- |\n");
    for (IdleResult r : idle) {
      md.append("| ").append(r.label()).append(" | ").append(Format.megabytes(r.baselineRssKb())).append(" |");
      r.rssKb().forEach(kb -> md.append(' ').append(Format.megabytes(kb)).append(" |"));
      md.append(' ').append(String.format(Locale.ROOT, "%.1f kB", r.perRoomKb())).append(" | ")
          .append(Format.megabytes(r.peakRssKb())).append(" | ").append(Format.millis(r.connectP50())).append(" / ")
          .append(Format.millis(r.connectP99())).append(" | ").append(errors(r.errors()))
          .append(r.roomsWithoutContent() > 0 ? "; " + r.roomsWithoutContent() + " rooms lost their content" : "")
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void bar(StringBuilder md, List<ShapeResult> stock, List<ShapeResult> shapes,
                          List<ShapeResult> saturation, List<IdleResult> idle) {
    md.append("## Against the bar\n\n| part | Ensemble | reference | ratio | bar | met |\n| :- | -: | -: | -: | :- | :- |\n");
    StockBar.rows(md, stock);
    Set<String> labels = new LinkedHashSet<>();
    shapes.forEach(r -> labels.add(r.label()));
    for (String label : labels) {
      List<ShapeResult> e = runs(shapes, ENSEMBLE, label);
      List<ShapeResult> ref = runs(shapes, REFERENCE, label);
      if (!e.isEmpty() && !ref.isEmpty()) {
        long ep99 = medianP99(e);
        long rp99 = medianP99(ref);
        double ratio = ep99 / (double) rp99;
        boolean clean = e.stream().allMatch(r -> r.converged() && r.errorTotal() == 0);
        boolean ok = ratio <= 0.5 && clean;
        md.append("| p99 at ").append(shapeName(e.get(0))).append(", Java clients").append(e.size() > 1 ? " (median of " + e.size() + " runs)" : "")
            .append(" | ").append(Format.millis(ep99)).append(" | ").append(Format.millis(rp99)).append(" | ")
            .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ≤ 0.5× | ").append(ok ? "yes" : "**no**")
            .append(" |\n");
      }
    }
    saturationRow(md, saturation, false);
    saturationRow(md, saturation, true);
    cpuPerDeliveryRow(md, saturation);
    OptionalDouble e = medianPerRoomKb(idle, ENSEMBLE);
    OptionalDouble r = medianPerRoomKb(idle, REFERENCE);
    if (e.isPresent() && r.isPresent()) {
      long runs = idle.stream().filter(i -> i.target().equals(ENSEMBLE)).filter(MarkdownReport::startsAsByDefault).count();
      md.append("| memory per extra idle room").append(runs > 1 ? " (median of " + runs + " runs)" : "").append(" | ")
          .append(String.format(Locale.ROOT, "%.1f kB", e.getAsDouble())).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f kB", r.getAsDouble())).append(" | ")
          .append(r.getAsDouble() > 0 ? String.format(Locale.ROOT, "%.2f×", e.getAsDouble() / r.getAsDouble()) : "–")
          .append(" | ≤ 1× | ").append(e.getAsDouble() <= r.getAsDouble() ? "yes" : "**no**").append(" |\n");
    }
    idleRssRows(md, idle);
    md.append('\n');
  }

  /**
   * The median of a server's per-room figures over its idle runs: one reading depends on when the
   * collector last ran and grew the heap (the same server gave 37-64 kB on one day), so runs repeat.
   */
  static OptionalDouble medianPerRoomKb(List<IdleResult> idle, String target) {
    // Ensemble as it starts by default (the model loaded at start) when several model settings were read.
    double[] perRoom = idle.stream().filter(i -> i.target().equals(target)).filter(MarkdownReport::startsAsByDefault)
        .mapToDouble(IdleResult::perRoomKb).toArray();
    return perRoom.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(median(perRoom));
  }

  /** A reading of the server at its default AI model setting (Ensemble's loads the model at start). */
  private static boolean startsAsByDefault(IdleResult r) {
    return r.model() == null || r.model().equals("eager");
  }

  /**
   * RSS with the most idle rooms open, for each AI model setting Ensemble was read at (off, lazy, eager),
   * against the reference: the median of each one's runs. Reported, not judged.
   */
  private static void idleRssRows(StringBuilder md, List<IdleResult> idle) {
    List<IdleResult> reference = idle.stream().filter(i -> i.target().equals(REFERENCE)).toList();
    Set<String> models = new LinkedHashSet<>();
    idle.stream().filter(i -> i.target().equals(ENSEMBLE) && i.model() != null).forEach(i -> models.add(i.model()));
    if (reference.isEmpty() || models.isEmpty()) {
      return;
    }
    IdleResult any = reference.get(0);
    int rooms = any.roomCounts().get(any.roomCounts().size() - 1);
    double ref = median(reference.stream().mapToDouble(IdleResult::mostRoomsRssKb).toArray());
    for (String model : models) {
      double[] e = idle.stream().filter(i -> i.target().equals(ENSEMBLE) && model.equals(i.model()))
          .mapToDouble(IdleResult::mostRoomsRssKb).toArray();
      md.append("| RSS at ").append(Format.count(rooms)).append(" idle rooms, AI model ")
          .append(model.equals("eager") ? "loaded at start (eager)" : model)
          .append(e.length > 1 ? " (median of " + e.length + " runs)" : "").append(" | ")
          .append(Format.megabytes((long) median(e))).append(" | ").append(Format.megabytes((long) ref)).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f×", median(e) / ref)).append(" | reported | – |\n");
    }
  }

  private static void saturationRow(StringBuilder md, List<ShapeResult> saturation, boolean strict) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (ShapeResult r : saturation) {
      if (strict ? r.within(THRESHOLD_MICROS) : r.p99Within(THRESHOLD_MICROS)) {
        best.merge(r.target(), r.deliveredPerSecond(), Math::max);
      }
    }
    boolean tried = saturation.stream().anyMatch(r -> r.target().equals(ENSEMBLE))
        && saturation.stream().anyMatch(r -> r.target().equals(REFERENCE));
    if (!tried) {
      return;
    }
    double e = best.getOrDefault(ENSEMBLE, 0.0);
    double ref = best.getOrDefault(REFERENCE, 0.0);
    md.append("| saturation throughput (delivered/s, p99 ≤ 100 ms").append(strict ? ", no errors" : "").append(") | ")
        .append(Format.count(e)).append(" | ").append(Format.count(ref)).append(" | ")
        .append(ref > 0 ? String.format(Locale.ROOT, "%.2f×", e / ref) : "–").append(" | ≥ 2× | ")
        .append(ref > 0 && e / ref >= 2 ? "yes" : "**no**").append(strict ? " (informative)" : "").append(" |\n");
  }

  /**
   * Each server's own CPU per delivered update at the highest rate that both passed within 100 ms
   * (informative): near saturation the load tool, which shares the cores, can be what stops both
   * servers, and this still says how much of a core each needed for the same work.
   */
  private static void cpuPerDeliveryRow(StringBuilder md, List<ShapeResult> saturation) {
    OptionalDouble common = saturation.stream()
        .filter(r -> r.target().equals(ENSEMBLE) && r.p99Within(THRESHOLD_MICROS))
        .mapToDouble(ShapeResult::editsPerSecond)
        .filter(rate -> passed(saturation, REFERENCE, rate) != null)
        .max();
    if (common.isEmpty()) {
      return;
    }
    double rate = common.getAsDouble();
    double e = microsOfCpuPerDelivery(passed(saturation, ENSEMBLE, rate));
    double ref = microsOfCpuPerDelivery(passed(saturation, REFERENCE, rate));
    md.append("| server CPU per delivered update at ").append(Format.number(rate))
        .append(" edits/s per client (the highest rate both passed) | ")
        .append(String.format(Locale.ROOT, "%.1f µs", e)).append(" | ").append(String.format(Locale.ROOT, "%.1f µs", ref))
        .append(" | ").append(String.format(Locale.ROOT, "%.2f×", e / ref)).append(" | – | (informative) |\n");
  }

  private static ShapeResult passed(List<ShapeResult> saturation, String target, double rate) {
    return saturation.stream()
        .filter(r -> r.target().equals(target) && r.editsPerSecond() == rate && r.p99Within(THRESHOLD_MICROS))
        .findFirst().orElse(null);
  }

  /** Microseconds of the server's CPU per update it delivered: its share of a core over the deliveries per second. */
  static double microsOfCpuPerDelivery(ShapeResult r) {
    return r.serverCpuPercent() / 100.0 * 1e6 / r.deliveredPerSecond();
  }

  static List<ShapeResult> runs(List<ShapeResult> rs, String target, String label) {
    return rs.stream().filter(r -> r.target().equals(target) && r.label().equals(label)).toList();
  }

  /**
   * The median of the runs' p99s: one 30 s window's p99 rests
   * on a few stalls and moved 2x between identical runs here, so shapes repeat.
   */
  static long medianP99(List<ShapeResult> runs) {
    return (long) median(runs.stream().mapToDouble(ShapeResult::p99).toArray());
  }

  /** The median of a non-empty sample: the middle value, or the mean of the two middle ones. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static String shapeName(ShapeResult r) {
    return r.rooms() + " × " + r.clients() + " @ " + Format.number(r.editsPerSecond()) + "/s";
  }

  static String errors(Map<String, Long> errors) {
    if (errors.isEmpty()) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    errors.forEach((k, v) -> parts.add(v + "× " + k.replace("|", "/")));
    return String.join("; ", parts);
  }
}
