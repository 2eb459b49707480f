package org.ensemble.loadtest.report;

import java.util.Locale;

/** Number formatting shared by the console output and the report. */
public final class Format {
  private Format() {}

  /** {@code 3} or {@code 2.5}: no trailing zeros. */
  public static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
  }

  /** Microseconds as milliseconds: {@code 0.42 ms}, {@code 12.3 ms}, {@code 250 ms}. */
  public static String millis(long micros) {
    if (micros < 0) {
      return "–";
    }
    double ms = micros / 1000.0;
    if (ms < 10) {
      return String.format(Locale.ROOT, "%.2f ms", ms);
    }
    if (ms < 100) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%,.0f ms", ms);
  }

  public static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /** kB as MB with one decimal. */
  public static String megabytes(long kb) {
    return kb < 0 ? "–" : String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
  }
}
