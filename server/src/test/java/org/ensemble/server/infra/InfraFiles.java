package org.ensemble.server.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment files in the repository's infra/, found from the repository root or from server/. */
public final class InfraFiles {
  private InfraFiles() {}

  public static Path dir() {
    for (Path p : new Path[] {Path.of("../infra"), Path.of("infra")}) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("hazelcast"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("infra/ is missing (looked in .. and . of " + Path.of("").toAbsolutePath() + ")");
  }

  public static Path file(String relative) {
    Path p = dir().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("infra/" + relative + " is missing");
    }
    return p;
  }

  public static String text(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under infra/, in a stable order. */
  public static List<Path> all() {
    try (Stream<Path> files = Files.walk(dir())) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of one folder of infra/ whose names end with {@code suffix}, in a stable order. */
  public static List<Path> in(String folder, String suffix) {
    try (Stream<Path> files = Files.list(dir().resolve(folder))) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML documents of a file (a multi-document manifest gives several), each a map. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> yamlDocuments(Path p) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text(p))) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  public static Map<String, Object> yaml(Path p) {
    List<Map<String, Object>> documents = yamlDocuments(p);
    if (documents.size() != 1) {
      throw new IllegalStateException(p + " has " + documents.size() + " YAML documents, not one");
    }
    return documents.get(0);
  }

  /** The value at a path of keys in nested maps; null where any step is missing. */
  @SuppressWarnings("unchecked")
  public static <T> T at(Object root, String... keys) {
    Object v = root;
    for (String key : keys) {
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      v = m.get(key);
    }
    return (T) v;
  }
}
