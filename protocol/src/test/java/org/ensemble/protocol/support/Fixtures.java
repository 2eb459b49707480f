package org.ensemble.protocol.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ensemble.protocol.crdt.AbstractType;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Json;

/** The scenarios that the real yjs package produced (protocol/src/test/js/generate-fixtures.mjs). */
public final class Fixtures {
  public static final String YJS_VERSION = "13.6.33";

  private Fixtures() {}

  public static Path root() {
    Path p = Paths.get("src/test/resources/fixtures/yjs-" + YJS_VERSION);
    if (!Files.isDirectory(p)) {
      p = Paths.get("protocol").resolve(p);
    }
    return p;
  }

  public static List<Scenario> all() {
    try (Stream<Path> dirs = Files.list(root())) {
      List<Scenario> out = new ArrayList<>();
      dirs.filter(Files::isDirectory).sorted().forEach(d -> out.add(new Scenario(d)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One fixture folder. */
  public static final class Scenario {
    public final Path dir;
    public final String name;
    public final Map<String, Object> meta;

    Scenario(Path dir) {
      this.dir = dir;
      this.name = dir.getFileName().toString();
      this.meta = asMap(json("scenario.json"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
      return (Map<String, Object>) o;
    }

    public boolean exists(String file) {
      return Files.exists(dir.resolve(file));
    }

    public byte[] bytes(String file) {
      try {
        return Files.readAllBytes(dir.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Object json(String file) {
      return Json.parse(new String(bytes(file), StandardCharsets.UTF_8));
    }

    public boolean gc() {
      return Boolean.TRUE.equals(meta.get("gc"));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> roots() {
      return (Map<String, Object>) meta.get("roots");
    }

    @SuppressWarnings("unchecked")
    public List<byte[]> updates() {
      List<byte[]> out = new ArrayList<>();
      for (Object f : (List<Object>) meta.get("updates")) {
        out.add(bytes((String) f));
      }
      return out;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The root of {@code doc} called {@code name}, of the kind the fixtures name. */
  public static AbstractType root(Doc doc, String name, String kind) {
    switch (kind) {
      case "map": return doc.getMap(name);
      case "array": return doc.getArray(name);
      case "text": return doc.getText(name);
      case "xmlFragment": return doc.getXmlFragment(name);
      case "xmlElement": return doc.getXmlElement(name);
      default: throw new IllegalArgumentException("unknown root kind " + kind);
    }
  }
}
