package org.ensemble.cowriter.data;

/**
 * Krumhansl–Schmuckler key finding: the key whose Krumhansl–Kessler profile correlates best with a
 * piece's duration-weighted pitch-class histogram. The chorales carry no key signature, so the
 * harmony metrics find each piece's key from Bach's own notes.
 */
public final class KeyFinder {
  private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
  private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

  private KeyFinder() {}

  public record Key(int tonic, boolean minor) {}

  public static Key find(double[] pitchClassHistogram) {
    Key best = new Key(0, false);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int tonic = 0; tonic < 12; tonic++) {
      for (boolean minor : new boolean[] {false, true}) {
        double score = correlation(pitchClassHistogram, minor ? MINOR : MAJOR, tonic);
        if (score > bestScore) {
          bestScore = score;
          best = new Key(tonic, minor);
        }
      }
    }
    return best;
  }

  private static double correlation(double[] histogram, double[] profile, int tonic) {
    double mh = 0;
    double mp = 0;
    for (int i = 0; i < 12; i++) {
      mh += histogram[i] / 12;
      mp += profile[i] / 12;
    }
    double num = 0;
    double dh = 0;
    double dp = 0;
    for (int pc = 0; pc < 12; pc++) {
      double h = histogram[pc] - mh;
      double p = profile[Math.floorMod(pc - tonic, 12)] - mp;
      num += h * p;
      dh += h * h;
      dp += p * p;
    }
    return num / Math.sqrt(dh * dp + 1e-12);
  }
}
