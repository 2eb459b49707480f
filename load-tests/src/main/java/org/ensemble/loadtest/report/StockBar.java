package org.ensemble.loadtest.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stock-client rows of the report: the table of runs and the bar they are judged by. Each figure is
 * the median over a shape's runs. Only rows of kind {@code stock} (deflate offered, presence on: what
 * browsers do) are judged; the variants ({@code stock-nodeflate}, {@code stock-nopresence}) are listed.
 */
final class StockBar {
  static final String JUDGED_KIND = "stock";

  private StockBar() {}

  static void table(StringBuilder md, List<ShapeResult> stock) {
    if (stock.isEmpty()) {
      return;
    }
    md.append("## Shapes with stock clients\n\n")
        .append("The real `yjs` + `y-websocket` providers under Node (`load-tests/stock-clients/`), one Y.Doc each, ")
        .append("offering permessage-deflate and echoing awareness as browsers' clients do; the cursor moves on ")
        .append("half the edits. Latency: from an edit to its arrival at each other client of the room, for the ")
        .append("edits sent in the window. Backlog: those edits' deliveries still missing when the window closed ")
        .append("(all of them arrive before the rooms converge). Server CPU per delivery: the server process's CPU ")
        .append("over the window divided by the updates delivered in it.\n\n")
        .append("| shape | server | clients | p50 | p95 | p99 | max | delivered/s | backlog | server CPU | ")
        .append("CPU per delivery | peak RSS | errors | converged | load avg before |\n")
        .append("| :- | :- | :- | -: | -: | -: | -: | -: | -: | -: | -: | -: | :- | :- | -: |\n");
    for (ShapeResult r : stock) {
      md.append("| ").append(MarkdownReport.shapeName(r)).append(" | ").append(r.target()).append(" | ")
          .append(r.kind()).append(" | ").append(Format.millis(r.p50())).append(" | ")
          .append(Format.millis(r.p95())).append(" | ").append(Format.millis(r.p99())).append(" | ")
          .append(Format.millis(r.max())).append(" | ").append(Format.count(r.deliveredPerSecond())).append(" | ")
          .append(backlog(r)).append(" | ").append(Format.count(r.serverCpuPercent())).append(" % | ")
          .append(String.format(Locale.ROOT, "%.1f µs", MarkdownReport.microsOfCpuPerDelivery(r))).append(" | ")
          .append(Format.megabytes(r.peakRssKb())).append(" | ").append(MarkdownReport.errors(r.errors()))
          .append(" | ").append(r.converged() ? "yes" : "**NO**: " + r.convergence()).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", r.loadAverageBefore())).append(" |\n");
    }
    md.append('\n');
  }

  /** Deliveries of the window's edits that had not arrived when it closed. */
  static long backlog(ShapeResult r) {
    return Math.max(0, r.expectedDeliveries() - r.latencyCount());
  }

  /** The bar's rows for the judged kind, one set per shape that ran against both servers. */
  static void rows(StringBuilder md, List<ShapeResult> stock) {
    List<ShapeResult> judged = stock.stream().filter(r -> r.kind().equals(JUDGED_KIND)).toList();
    Set<String> labels = new LinkedHashSet<>();
    judged.forEach(r -> labels.add(r.label()));
    for (String label : labels) {
      List<ShapeResult> e = MarkdownReport.runs(judged, MarkdownReport.ENSEMBLE, label);
      List<ShapeResult> ref = MarkdownReport.runs(judged, MarkdownReport.REFERENCE, label);
      if (e.isEmpty() || ref.isEmpty()) {
        continue;
      }
      String shape = MarkdownReport.shapeName(e.get(0)) + ", stock clients" + (e.size() > 1 ? " (median of " + e.size() + " runs)" : "");
      long ep99 = MarkdownReport.medianP99(e);
      long rp99 = MarkdownReport.medianP99(ref);
      boolean clean = e.stream().allMatch(r -> r.converged() && r.errorTotal() == 0 && backlog(r) == 0);
      row(md, "p99 at " + shape, Format.millis(ep99), Format.millis(rp99), ep99 / (double) rp99, "≤ 1× (stretch 0.5×), no backlog",
          ep99 <= rp99 && clean);
      double ecpu = median(e, MarkdownReport::microsOfCpuPerDelivery);
      double rcpu = median(ref, MarkdownReport::microsOfCpuPerDelivery);
      row(md, "server CPU per delivered update at " + shape, String.format(Locale.ROOT, "%.1f µs", ecpu),
          String.format(Locale.ROOT, "%.1f µs", rcpu), ecpu / rcpu, "≤ 0.5×", ecpu <= 0.5 * rcpu);
      double erss = median(e, r -> r.peakRssKb() / (double) (r.rooms() * r.clients()));
      double rrss = median(ref, r -> r.peakRssKb() / (double) (r.rooms() * r.clients()));
      row(md, "peak RSS per connected client at " + shape, String.format(Locale.ROOT, "%.0f kB", erss),
          String.format(Locale.ROOT, "%.0f kB", rrss), erss / rrss, "≤ 1×", erss <= rrss);
    }
  }

  private static double median(List<ShapeResult> runs, java.util.function.ToDoubleFunction<ShapeResult> figure) {
    return MarkdownReport.median(runs.stream().mapToDouble(figure).toArray());
  }

  private static void row(StringBuilder md, String part, String ensemble, String reference, double ratio, String bar, boolean met) {
    md.append("| ").append(part).append(" | ").append(ensemble).append(" | ").append(reference).append(" | ")
        .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ").append(bar).append(" | ")
        .append(met ? "yes" : "**no**").append(" |\n");
  }
}
