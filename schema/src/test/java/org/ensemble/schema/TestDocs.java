package org.ensemble.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;

/** Builds test documents with raw values, so that tests can write what the schema forbids. */
final class TestDocs {
  /** The sample project of the repository, written by protocol/src/test/js/make-sample.mjs. */
  static final Path SAMPLE = Path.of("..", "protocol", "samples", "chorale.update");

  private TestDocs() {}

  static Doc sample() {
    try {
      Doc doc = new Doc();
      doc.applyUpdate(Files.readAllBytes(SAMPLE));
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh Doc holding what {@code doc} holds, received as one v1 update, as a server would. */
  static Doc roundTrip(Doc doc) {
    Doc copy = new Doc();
    copy.applyUpdate(doc.encodeStateAsUpdate());
    return copy;
  }

  /** A Doc whose meta is valid (the defaults) and that has these tracks. */
  static Doc withTracks(Object... tracks) {
    Doc doc = new Doc();
    doc.transact(t -> {
      ProjectMaps.writeMeta(doc.getMap(ProjectSchema.META), MetaView.DEFAULTS);
      doc.getArray(ProjectSchema.TRACKS).push(List.of(tracks));
    });
    return doc;
  }

  /** A shared map with these entries, in order: key, value, key, value... */
  static YMap map(Object... keysAndValues) {
    YMap map = new YMap();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.set((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A plain object (a JSON value, not a shared type). */
  static Map<String, Object> plain(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static YMap note(Object id, Object pitch, Object start, Object duration, Object velocity) {
    return map("id", id, "pitch", pitch, "start", start, "duration", duration, "velocity", velocity);
  }

  /** A valid track map with these notes and role. */
  static YMap track(String id, String role, int instrument, Object... notes) {
    return map("id", id, "name", id.toUpperCase(), "instrument", instrument, "role", role, "mute", false,
        "solo", false, "gain", 0.8, "pan", 0, "notes", YArray.of(List.of(notes)));
  }
}
