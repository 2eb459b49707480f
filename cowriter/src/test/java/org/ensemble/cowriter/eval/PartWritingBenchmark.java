package org.ensemble.cowriter.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.cowriter.data.Chorale;
import org.ensemble.cowriter.data.ChoraleProject;
import org.ensemble.cowriter.data.ChoraleSet;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.schema.ProjectMaps;
import org.ensemble.schema.ProjectReader;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TrackView;
import org.ensemble.schema.partwriting.PartWritingChecker;
import org.ensemble.schema.partwriting.PartWritingReport;
import org.ensemble.schema.partwriting.Rule;

/**
 * The part-writing checker on Bach (docs/part-writing.md): findings per 100 chord changes per rule on the
 * chorale set's 77 test pieces (each as a studio project, the key found from its notes), and the time one
 * check of a 200-bar, four-voice piece takes (the test pieces joined end to end), with and without reading
 * the project's document. A benchmark main, not a test:
 * {@code java -cp … org.ensemble.cowriter.eval.PartWritingBenchmark [chorales.json]}.
 */
public final class PartWritingBenchmark {
  private static final int BARS = 200;
  private static final int STEPS_PER_BAR = 16;
  private static final int WARMUP = 300;
  private static final int RUNS = 300;

  private PartWritingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : ChoraleSet.defaultPath();
    List<Chorale> pieces = ChoraleSet.read(file).test();
    Map<String, Long> totals = new LinkedHashMap<>();
    PartWritingChecker.rules().forEach(r -> totals.put(r.id(), 0L));
    long changes = 0;
    for (int i = 0; i < pieces.size(); i++) {
      PartWritingReport report = PartWritingChecker.check(ChoraleProject.of(pieces.get(i), "test " + i));
      report.counts().forEach((rule, n) -> totals.merge(rule, (long) n, Long::sum));
      changes += report.chordChanges();
    }
    System.out.printf("Bach, %d test chorales of %s: %d chord changes%n%n", pieces.size(), file, changes);
    System.out.println("| rule | findings | per 100 chord changes |");
    System.out.println("| --- | --- | --- |");
    for (Rule rule : PartWritingChecker.rules()) {
      long n = totals.get(rule.id());
      System.out.printf("| `%s` | %d | %.2f |%n", rule.id(), n, 100.0 * n / changes);
    }
    long parallels = totals.get("parallel-fifths") + totals.get("parallel-octaves");
    System.out.printf("| parallel fifths and octaves together | %d | %.2f |%n%n", parallels, 100.0 * parallels / changes);

    ProjectView long200 = joined(pieces);
    Doc doc = document(long200);
    int notes = long200.tracks().stream().mapToInt(t -> t.notes().size()).sum();
    Runnable checkOnly = () -> PartWritingChecker.check(long200);
    Runnable readAndCheckIt = () -> PartWritingChecker.check(ProjectReader.read(doc).view());
    time(checkOnly); // both warmed before either is timed, so neither pays for the other's compilation
    time(readAndCheckIt);
    double[] check = time(checkOnly);
    double[] readAndCheck = time(readAndCheckIt);
    int found = PartWritingChecker.check(long200).findings().size();
    System.out.printf("%d bars, 4 voices, %d notes, %d findings; %d runs after %d warm-up runs:%n", BARS, notes, found,
        RUNS, 2 * (WARMUP + RUNS));
    System.out.printf("| check (all rules) | median %.2f ms | p95 %.2f ms |%n", check[0], check[1]);
    System.out.printf("| read the document, then check | median %.2f ms | p95 %.2f ms |%n", readAndCheck[0],
        readAndCheck[1]);
  }

  /** The test pieces end to end, cut at 200 bars of 4/4. */
  private static ProjectView joined(List<Chorale> pieces) {
    int steps = BARS * STEPS_PER_BAR;
    int[][] all = new int[steps][];
    int t = 0;
    for (int p = 0; t < steps; p = (p + 1) % pieces.size()) {
      for (int[] step : pieces.get(p).steps()) {
        if (t == steps) {
          break;
        }
        all[t++] = step;
      }
    }
    return ChoraleProject.of(new Chorale(all), BARS + " bars");
  }

  private static Doc document(ProjectView view) {
    Doc doc = new Doc();
    doc.transact(tx -> {
      ProjectMaps.writeMeta(doc.getMap("meta"), view.meta());
      YArray tracks = doc.getArray("tracks");
      List<Object> maps = new ArrayList<>();
      for (TrackView track : view.tracks()) {
        maps.add(ProjectMaps.track(track));
      }
      tracks.push(maps);
    });
    return doc;
  }

  /** Median and 95th percentile in milliseconds. */
  private static double[] time(Runnable work) {
    for (int i = 0; i < WARMUP; i++) {
      work.run();
    }
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[RUNS / 2], ms[(int) (RUNS * 0.95)]};
  }
}
