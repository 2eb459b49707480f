package org.ensemble.server.attribution;

/** Shares as the API and the credits show them. */
final class Shares {
  private Shares() {}

  /** {@code part / whole} rounded to 4 decimals; 0 for an empty whole. */
  static double fraction(int part, int whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
  }

  /** Whole percent, as credits print it. */
  static long percent(int part, int whole) {
    return whole == 0 ? 0 : Math.round(part * 100.0 / whole);
  }
}
