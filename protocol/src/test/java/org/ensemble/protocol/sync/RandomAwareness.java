package org.ensemble.protocol.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random awareness updates for the differential test: few clients and small clocks, so that
 * equal and lower clocks, removals and re-additions happen often, and JSON states with the values
 * whose text is easy to get wrong (escapes, surrogates, integer-like keys, -0, exponents).
 */
final class RandomAwareness {
  private static final long[] CLIENTS = {1, 2, 3, 4_294_967_295L, (1L << 53) - 1};
  private static final String[] KEYS = {"a", "b", "name", "10", "2", "", "ключ", "🎹", "__proto__", "01"};
  private static final String[] PIECES = {"a", "Z", "é", "🎹", "\"", "\\", "\n", "\u0001", "\u2028", "\ud800", "\udc00", " ", "音"};
  private static final double[] NUMBERS = {0, -0.0, 1, -1, 0.1, 0.1 + 0.2, 1e21, 1e-7, 123456.789, 9007199254740992.0, -2147483648, 1.5e300};

  private RandomAwareness() {}

  static byte[] update(Random random) {
    int n = 1 + random.nextInt(4);
    List<AwarenessUpdate.Entry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long client = CLIENTS[random.nextInt(CLIENTS.length)];
      long clock = random.nextInt(4);
      Object state = random.nextInt(4) == 0 ? null : value(random, 0);
      entries.add(new AwarenessUpdate.Entry(client, clock, state));
    }
    return new AwarenessUpdate(entries).encode();
  }

  private static Object value(Random random, int depth) {
    int kind = random.nextInt(depth >= 3 ? 5 : 7);
    switch (kind) {
      case 0: return null;
      case 1: return random.nextBoolean();
      case 2: return random.nextBoolean() ? random.nextInt(2001) - 1000 : NUMBERS[random.nextInt(NUMBERS.length)];
      case 3: return random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
      case 4: return string(random);
      case 5: {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth + 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
        }
        return map;
      }
    }
  }

  private static String string(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }
}
