package org.ensemble.schema;

import static org.ensemble.schema.ProjectSchema.META;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema.Key;
import org.ensemble.schema.ProjectSchema.Meta;

/** Reads {@code meta}; every setting it cannot use is reported and replaced by its default. */
final class MetaReader {
  private static final MetaView DEFAULTS = MetaView.DEFAULTS;
  private static final String DEFAULT_KEY = "using " + DEFAULTS.key();
  private static final String DEFAULT_TIME_SIGNATURE = "using " + DEFAULTS.timeSignature();

  private MetaReader() {}

  static MetaView read(Optional<YMap> root, Problems problems) {
    Map<String, Object> entries = root.map(YMap::entries).orElse(Map.of());
    if (entries.isEmpty()) {
      problems.add(META, "missing; using the defaults");
      return DEFAULTS;
    }
    FieldReader fields = new FieldReader(entries, META, problems);
    String title = fields.string(Meta.TITLE, "using \"" + DEFAULTS.title() + "\"").orElse(DEFAULTS.title());
    double tempo = fields.number(Meta.TEMPO_BPM, SchemaLimits.MIN_TEMPO_BPM, SchemaLimits.MAX_TEMPO_BPM,
        "using " + (int) DEFAULTS.tempoBpm()).orElse(DEFAULTS.tempoBpm());
    KeySignature key = readKey(fields, problems).orElse(DEFAULTS.key());
    TimeSignature timeSignature = readTimeSignature(fields, problems).orElse(DEFAULTS.timeSignature());
    long ticksPerQuarter = fields.integer(Meta.TICKS_PER_QUARTER, SchemaLimits.MIN_TICKS_PER_QUARTER,
        SchemaLimits.MAX_TICKS_PER_QUARTER, "using " + DEFAULTS.ticksPerQuarter())
        .orElse(DEFAULTS.ticksPerQuarter());
    return new MetaView(title, tempo, key, timeSignature, (int) ticksPerQuarter, readSchemaVersion(fields, problems));
  }

  private static Optional<KeySignature> readKey(FieldReader meta, Problems problems) {
    String path = meta.pathOf(Meta.KEY);
    if (!meta.has(Meta.KEY)) {
      meta.report(Meta.KEY, "missing", DEFAULT_KEY);
      return Optional.empty();
    }
    Map<String, Object> entries = Containers.plainObject(meta.raw(Meta.KEY), path, DEFAULT_KEY, problems);
    if (entries == null) {
      return Optional.empty();
    }
    FieldReader key = new FieldReader(entries, path, problems);
    Optional<String> tonic = key.string(Key.TONIC, DEFAULT_KEY).filter(spelling -> {
      if (!KeySignature.isTonicSpelling(spelling)) {
        key.report(Key.TONIC, "expected a letter from A to G, alone or followed by # or b, found "
            + DocValues.describe(spelling), DEFAULT_KEY);
      }
      return KeySignature.isTonicSpelling(spelling);
    });
    Optional<KeySignature.Mode> mode = key.string(Key.MODE, DEFAULT_KEY).flatMap(name -> {
      Optional<KeySignature.Mode> known = KeySignature.Mode.fromSchemaName(name);
      if (known.isEmpty()) {
        key.report(Key.MODE, "expected \"major\" or \"minor\", found " + DocValues.describe(name), DEFAULT_KEY);
      }
      return known;
    });
    if (tonic.isEmpty() || mode.isEmpty()) {
      return Optional.empty();
    }
    Optional<KeySignature> signature = KeySignature.of(tonic.get(), mode.get());
    if (signature.isEmpty()) {
      problems.add(path, tonic.get() + " " + mode.get().schemaName()
          + " needs more than 7 sharps or flats (spell its tonic the other way); " + DEFAULT_KEY);
    }
    return signature;
  }

  private static Optional<TimeSignature> readTimeSignature(FieldReader meta, Problems problems) {
    String path = meta.pathOf(Meta.TIME_SIGNATURE);
    if (!meta.has(Meta.TIME_SIGNATURE)) {
      meta.report(Meta.TIME_SIGNATURE, "missing", DEFAULT_TIME_SIGNATURE);
      return Optional.empty();
    }
    List<Object> elements = Containers.plainArray(meta.raw(Meta.TIME_SIGNATURE), path, DEFAULT_TIME_SIGNATURE,
        problems);
    if (elements == null) {
      return Optional.empty();
    }
    if (elements.size() != 2) {
      problems.add(path, "expected [numerator, denominator], found " + elements.size() + " elements; "
          + DEFAULT_TIME_SIGNATURE);
      return Optional.empty();
    }
    FieldReader parts = FieldReader.ofElements(elements, path, problems);
    var numerator = parts.integer("0", 1, SchemaLimits.MAX_TIME_SIGNATURE_NUMERATOR, DEFAULT_TIME_SIGNATURE);
    var denominator = parts.integer("1", 1, SchemaLimits.MAX_TIME_SIGNATURE_DENOMINATOR, DEFAULT_TIME_SIGNATURE);
    if (denominator.isPresent() && !TimeSignature.isValidDenominator(denominator.getAsLong())) {
      parts.report("1", "must be a power of two, found " + denominator.getAsLong(), DEFAULT_TIME_SIGNATURE);
      return Optional.empty();
    }
    if (numerator.isEmpty() || denominator.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TimeSignature((int) numerator.getAsLong(), (int) denominator.getAsLong()));
  }

  /** A version newer than this code's is read as far as this code understands it, and reported. */
  private static int readSchemaVersion(FieldReader meta, Problems problems) {
    int version = (int) meta.integer(Meta.SCHEMA_VERSION, 1, Integer.MAX_VALUE, "using " + ProjectSchema.VERSION)
        .orElse(ProjectSchema.VERSION);
    if (version > ProjectSchema.VERSION) {
      problems.add(meta.pathOf(Meta.SCHEMA_VERSION), "version " + version + " is newer than this reader's ("
          + ProjectSchema.VERSION + "); read as version " + ProjectSchema.VERSION);
    }
    return version;
  }
}
