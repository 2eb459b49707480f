package org.ensemble.server.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main sources of every Java module, read as text: each file's package, and the Ensemble packages
 * it names (imports, static imports, and fully qualified names in the code). Reading the sources
 * rather than the classes keeps references that the compiler inlines (constants) in the graph.
 */
final class SourceGraph {
  /** The modules whose main sources are scanned, from the repository root. */
  static final List<String> MODULES = List.of("protocol", "schema", "cowriter", "server", "load-tests");

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  /** A qualified reference to a type: lower-case package segments, then an upper-case type name. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.ensemble(?:\\.[a-z_][a-z0-9_]*)+)\\.(?:[A-Z*])");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  record SourceFile(String module, Path path, String pkg, String code) {}

  final List<SourceFile> files = new ArrayList<>();
  /** Package to the other Ensemble packages it references, sorted for stable messages. */
  final Map<String, Set<String>> edges = new TreeMap<>();

  static SourceGraph read() {
    Path root = repositoryRoot();
    SourceGraph g = new SourceGraph();
    for (String module : MODULES) {
      Path src = root.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> paths = Files.walk(src)) {
        for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
          g.add(module, root.relativize(p), Files.readString(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return g;
  }

  private void add(String module, Path path, String text) {
    Matcher pm = PACKAGE.matcher(text);
    String pkg = pm.find() ? pm.group(1) : "";
    // Comments may name other packages ({@link ...}) without depending on them at run time; they are
    // left out, string literals are not (none names a package).
    String code = COMMENT.matcher(text).replaceAll(" ");
    files.add(new SourceFile(module, path, pkg, code));
    Set<String> out = edges.computeIfAbsent(pkg, k -> new TreeSet<>());
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      String target = m.group(1);
      if (!target.equals(pkg) && !target.equals("org.ensemble")) {
        out.add(target);
      }
    }
  }

  /** The packages that depend on each other in a loop: each strongly connected set of more than one. */
  List<Set<String>> cycles() {
    return new Tarjan(edges).components().stream().filter(c -> c.size() > 1).toList();
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("ensemble"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the repository (no ./ensemble found above "
          + Path.of("").toAbsolutePath() + ")");
    }
    return dir;
  }

  /** Tarjan's strongly connected components over the package graph. */
  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> result = new ArrayList<>();
    private int next;

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<Set<String>> components() {
      for (String v : graph.keySet()) {
        if (!index.containsKey(v)) {
          visit(v);
        }
      }
      return result;
    }

    private void visit(String v) {
      index.put(v, next);
      low.put(v, next);
      next++;
      stack.add(v);
      onStack.add(v);
      for (String w : graph.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(v));
        result.add(component);
      }
    }
  }
}
