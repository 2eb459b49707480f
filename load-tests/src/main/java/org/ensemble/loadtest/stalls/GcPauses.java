package org.ensemble.loadtest.stalls;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-the-world pauses from a JDK unified GC log written with the wall-clock decorator, e.g.
 * {@code -Xlog:gc:file=gc.log:time}: lines like
 * {@code [2026-11-26T15:06:22.204+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->3M(258M) 18.602ms}.
 * The time stamp is taken when the line is logged, at the pause's end.
 */
public final class GcPauses {
  private static final Pattern PAUSE = Pattern.compile(
      "^\\[(\\d{4}-\\d\\d-\\d\\dT[^\\]]+)\\].*?(Pause [^(\\d]*).*?([\\d.]+)ms\\s*$");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private GcPauses() {}

  public static List<StallReport.Pause> parse(List<String> lines) {
    List<StallReport.Pause> pauses = new ArrayList<>();
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (!m.find()) {
        continue;
      }
      OffsetDateTime at = OffsetDateTime.parse(m.group(1), TIME);
      long end = at.toEpochSecond() * 1_000_000 + at.getNano() / 1_000;
      long length = (long) (Double.parseDouble(m.group(3)) * 1000);
      pauses.add(new StallReport.Pause(end - length, end, m.group(2).trim()));
    }
    return pauses;
  }
}
