package org.ensemble.protocol.bench;

/**
 * lib0's default seeded PRNG ({@code prng.create(seed)}: its 32-bit Xoroshiro128+ variant, seeded
 * through Xorshift32) and the helpers of {@code lib0/prng} that the CRDT benchmarks draw with. A
 * port, so that Java draws exactly the numbers that {@code lib0/prng.js} 0.2.x draws under Node.
 *
 * <p>JavaScript computes with doubles and 32-bit integer operators; every step here does the same
 * (int arithmetic for the bit operators, double for the scaling), so the sequences are equal bit
 * for bit. The benchmark proves it by comparing a digest of the generated operations with Node's.
 */
final class Lib0Prng {
  /** lib0's {@code binary.BITS32}: the mask 0xFFFFFFFF (so {@code BITS32 + 1} is 2^32). */
  private static final double BITS32 = 4294967295.0;
  private static final long UINT32 = 0xFFFF_FFFFL;

  private final int[] state = new int[4];
  private boolean fresh = true;

  Lib0Prng(int seed) {
    int x = seed;
    for (int i = 0; i < 4; i++) {
      // Xorshift32.next(), then `xorshift32.next() * BITS32` stored into a Uint32Array (ToUint32).
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      double next = (x & UINT32) / (BITS32 + 1);
      state[i] = (int) (long) Math.floor(next * BITS32);
    }
  }

  /** A double in [0, 1), as {@code Xoroshiro128plus.next()}. */
  double next() {
    if (fresh) {
      fresh = false;
      return (((state[0] & UINT32) + (state[2] & UINT32)) & UINT32) / (BITS32 + 1);
    }
    fresh = true;
    int s0 = state[0];
    int s1 = state[1];
    int s2 = state[2] ^ s0;
    int s3 = state[3] ^ s1;
    state[0] = (s1 << 23 | s0 >>> 9) ^ s2 ^ (s2 << 14 | s3 >>> 18);
    state[1] = (s0 << 23 | s1 >>> 9) ^ s3 ^ (s3 << 14);
    state[2] = s3 << 4 | s2 >>> 28;
    state[3] = s2 << 4 | s3 >>> 28;
    return (((state[1] & UINT32) + (state[3] & UINT32)) & UINT32) / (BITS32 + 1);
  }

  /** {@code prng.int32(gen, min, max)}: an integer in [min, max]. */
  int int32(int min, int max) {
    return (int) Math.floor(next() * ((double) max + 1 - min) + min);
  }

  /** {@code prng.uint32(gen, min, max)}; the benchmarks only use non-negative bounds. */
  int uint32(int min, int max) {
    return int32(min, max);
  }

  /** {@code prng.bool(gen)}. */
  boolean bool() {
    return next() >= 0.5;
  }

  /** {@code prng.word(gen, minLen, maxLen)}: letters a-z. */
  String word(int minLen, int maxLen) {
    int len = int32(minLen, maxLen);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append((char) int32(97, 122));
    }
    return sb.toString();
  }
}
