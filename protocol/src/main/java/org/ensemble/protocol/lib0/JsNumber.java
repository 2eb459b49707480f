package org.ensemble.protocol.lib0;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's number semantics where Ensemble must reproduce them byte for byte: the text that
 * {@code Number.prototype.toString} (and so {@code JSON.stringify}) gives, the float32 test of lib0's
 * {@code writeAny}, and one Java representation per numeric value.
 */
public final class JsNumber {
  private static final double INT31 = 0x7FFFFFFF;

  private JsNumber() {}

  /**
   * The Java value that stands for a JavaScript number: an {@link Integer} when the value is an
   * integer in int range, a {@link Long} for other integers up to 2^53, a {@link Double} otherwise
   * (fractions, huge values, NaN, infinities and -0).
   */
  public static Number normalize(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d)) {
      if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
        return d; // -0 stays a Double so that it keeps its sign
      }
      if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
        return (int) d;
      }
      if (Math.abs(d) <= Lib0Decoder.MAX_SAFE_INTEGER) {
        return (long) d;
      }
    }
    return d;
  }

  /** lib0 writes a number as a varint when it is an integer of at most 31 bits (sign apart). */
  static boolean isSmallInteger(double d) {
    return d == Math.rint(d) && Math.abs(d) <= INT31;
  }

  /** Whether a float32 holds {@code d} exactly (lib0's {@code isFloat32}); NaN never compares equal. */
  static boolean isFloat32(double d) {
    return (double) (float) d == d;
  }

  /** {@code Number.prototype.toString()} for radix 10. */
  public static String toString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0"; // -0 too
    }
    if (d == Math.rint(d) && Math.abs(d) <= Lib0Decoder.MAX_SAFE_INTEGER) {
      return Long.toString((long) d);
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal shortest = shortest(Math.abs(d));
    String digits = shortest.unscaledValue().toString();
    // Strip trailing zeros from the digit string, adjusting the exponent.
    int k = digits.length();
    int trailing = 0;
    while (trailing < k - 1 && digits.charAt(k - 1 - trailing) == '0') {
      trailing++;
    }
    digits = digits.substring(0, k - trailing);
    k = digits.length();
    // value = digits * 10^(n - k)
    int n = k - shortest.scale() + trailing;
    StringBuilder sb = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      sb.append(digits);
      for (int i = 0; i < n - k; i++) {
        sb.append('0');
      }
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.");
      for (int i = 0; i < -n; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else {
      int e = n - 1;
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return sb.toString();
  }

  /**
   * The shortest decimal that reads back as {@code d} (ECMAScript: fewest digits, then the closest).
   * Java 17's {@code Double.toString} is not always shortest, so this searches digit counts directly.
   */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(nearest.toString()) == d) {
        return nearest;
      }
      BigDecimal best = null;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(p, mode));
        if (Double.parseDouble(candidate.toString()) == d) {
          if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
            best = candidate;
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
