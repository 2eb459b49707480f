package org.ensemble.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.crdt.YText;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Seeded documents that are nearly projects: the schema's keys with values that are often right and
 * often of any other kind or range, and roots of the wrong kind now and then.
 */
final class RandomDocuments {
  private static final String[] ROOT_KINDS = {"map", "array", "text"};
  private static final String[] META_KEYS = {"title", "tempoBpm", "key", "timeSignature", "ticksPerQuarter",
      "schemaVersion"};
  private static final String[] TRACK_KEYS = {"id", "name", "instrument", "role", "mute", "solo", "gain", "pan",
      "notes"};
  private static final String[] NOTE_KEYS = {"id", "pitch", "start", "duration", "velocity"};
  private static final String[] SECTION_KEYS = {"name", "start", "length"};

  private final Random random;

  RandomDocuments(long seed) {
    this.random = new Random(seed);
  }

  Doc next() {
    Doc doc = new Doc();
    doc.transact(t -> {
      root(doc, ProjectSchema.META, "map", () -> fields(META_KEYS));
      root(doc, ProjectSchema.TRACKS, "array", () -> elements(() -> fields(TRACK_KEYS)));
      root(doc, ProjectSchema.SECTIONS, "array", () -> elements(() -> fields(SECTION_KEYS)));
      root(doc, ProjectSchema.SUGGESTIONS, "map", this::anyValue);
    });
    return random.nextBoolean() ? TestDocs.roundTrip(doc) : doc;
  }

  private void root(Doc doc, String name, String expectedKind, Supplier<Object> content) {
    String kind = random.nextInt(8) == 0 ? ROOT_KINDS[random.nextInt(ROOT_KINDS.length)] : expectedKind;
    if (random.nextInt(10) == 0) {
      return;
    }
    switch (kind) {
      case "map" -> {
        YMap map = doc.getMap(name);
        Object value = content.get();
        if (value instanceof YMap fields) {
          fields.entries().forEach(map::set);
        } else if (value instanceof Map<?, ?> plain) {
          plain.forEach((k, v) -> map.set((String) k, v));
        } else {
          map.set("x", value);
        }
      }
      case "array" -> {
        Object value = content.get();
        doc.getArray(name).push(value instanceof YArray array ? array.toArray() : Arrays.asList(anyScalar()));
      }
      default -> doc.getText(name).insert(0, "text");
    }
  }

  /** A Y.Map (or sometimes a plain object) with most of the keys. */
  private Object fields(String[] keys) {
    YMap map = new YMap();
    for (String key : keys) {
      if (random.nextInt(30) == 0) {
        continue;
      }
      map.set(key, key.equals("notes") ? elements(() -> fields(NOTE_KEYS)) : plausible(key));
    }
    return random.nextInt(15) == 0 ? map.toJSON() : map;
  }

  private YArray elements(Supplier<Object> element) {
    List<Object> out = new ArrayList<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      out.add(random.nextInt(10) == 0 ? anyValue() : element.get());
    }
    return YArray.of(out);
  }

  /** Usually a value of the right type near its range, sometimes anything. */
  private Object plausible(String key) {
    if (random.nextInt(10) == 0) {
      return anyValue();
    }
    return switch (key) {
      case "id", "name", "title" -> random.nextInt(20) == 0 ? "" : "v" + random.nextInt(5);
      case "role" -> random.nextBoolean() ? "bass" : "lead";
      case "mute", "solo" -> random.nextBoolean();
      case "key" -> TestDocs.plain("tonic", random.nextBoolean() ? "F#" : "G#", "mode",
          random.nextBoolean() ? "minor" : "major");
      case "timeSignature" -> List.of(random.nextInt(40) - 2, 1 << random.nextInt(8));
      case "gain" -> random.nextDouble() * 1.2;
      case "pan" -> random.nextDouble() * 2.4 - 1.2;
      case "tempoBpm" -> random.nextInt(450);
      case "start", "duration", "length" -> (long) random.nextInt(2000) - 20
          + (random.nextInt(50) == 0 ? SchemaLimits.MAX_TICK : 0);
      default -> random.nextInt(140) - 5;
    };
  }

  private Object anyValue() {
    return switch (random.nextInt(5)) {
      case 0 -> new YText("t");
      case 1 -> YArray.of(Arrays.asList(anyScalar()));
      case 2 -> TestDocs.map("k", anyScalar());
      case 3 -> Arrays.asList(anyScalar(), anyScalar());
      default -> anyScalar();
    };
  }

  private Object anyScalar() {
    return switch (random.nextInt(11)) {
      case 0 -> null;
      case 1 -> Undefined.VALUE;
      case 2 -> Double.NaN;
      case 3 -> -0.0;
      case 4 -> 1e300;
      case 5 -> BigInteger.valueOf(random.nextLong());
      case 6 -> new byte[] {1, 2};
      case 7 -> random.nextBoolean();
      case 8 -> random.nextInt(300) - 100 + 0.5;
      case 9 -> TestDocs.plain("a", 1);
      default -> "s" + random.nextInt(3);
    };
  }
}
