package org.ensemble.server.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build: no package cycles in any Java module, modules depend
 * in one direction only (protocol, then the schema, then the co-writer, then the server), and no
 * internal Vert.x classes.
 */
class PackageGraphTest {
  private static SourceGraph graph;

  @BeforeAll
  static void read() {
    graph = SourceGraph.read();
  }

  @Test
  void theScanSeesEveryModuleAndTheirReferences() {
    // Guards the scan itself: a broken pattern would find no edges and pass every check below.
    Set<String> modules = new TreeSet<>();
    graph.files.forEach(f -> modules.add(f.module()));
    assertTrue(modules.containsAll(List.of("protocol", "schema", "cowriter", "server")), "modules scanned: " + modules);
    assertTrue(graph.edges.getOrDefault("org.ensemble.server.sync", Set.of()).contains("org.ensemble.protocol.crdt"),
        "sync's references: " + graph.edges.get("org.ensemble.server.sync"));
  }

  @Test
  void noPackageCycles() {
    List<Set<String>> cycles = graph.cycles();
    StringBuilder why = new StringBuilder();
    for (Set<String> cycle : cycles) {
      why.append("\n  packages that depend on each other: ").append(cycle);
      for (String from : cycle) {
        Set<String> into = new TreeSet<>(graph.edges.get(from));
        into.retainAll(cycle);
        why.append("\n    ").append(from).append(" -> ").append(into);
      }
    }
    assertEquals(List.of(), cycles, why.toString());
  }

  @Test
  void modulesDependInOneDirection() {
    // module -> the package prefixes its code may not name
    Map<String, List<String>> forbidden = new TreeMap<>(Map.of(
        "protocol", List.of("org.ensemble.schema", "org.ensemble.cowriter", "org.ensemble.server"),
        "schema", List.of("org.ensemble.cowriter", "org.ensemble.server"),
        "cowriter", List.of("org.ensemble.server")));
    StringBuilder bad = new StringBuilder();
    for (SourceGraph.SourceFile f : graph.files) {
      for (String prefix : forbidden.getOrDefault(f.module(), List.of())) {
        if (Pattern.compile("\\b" + Pattern.quote(prefix) + "\\.").matcher(f.code()).find()) {
          bad.append("\n  ").append(f.path()).append(" names ").append(prefix);
        }
      }
    }
    assertEquals("", bad.toString(), "a module reaches into one that depends on it:");
  }

  @Test
  void settingsAreReadInOnePlace() {
    // The environment reaches the server through Main into ServerConfig; nothing else reads it (nor
    // hides a setting in a system property), and no default points outside the repository.
    Pattern reads = Pattern.compile("System\\.getenv|System\\.getProperty\\(\"ensemble|\"/work/|\"/home/|\"/tmp/");
    StringBuilder bad = new StringBuilder();
    for (SourceGraph.SourceFile f : graph.files) {
      // The entry points (the server and the training-data command) hand the environment to ServerConfig.
      if (f.path().toString().equals("server/src/main/java/org/ensemble/server/Main.java")
          || f.path().toString().equals("server/src/main/java/org/ensemble/server/TrainingDataCommand.java")) {
        continue;
      }
      var m = reads.matcher(f.code());
      while (m.find()) {
        bad.append("\n  ").append(f.path()).append(": ").append(m.group());
      }
    }
    assertEquals("", bad.toString(), "settings read outside ServerConfig (see docs/configuration.md):");
  }

  @Test
  void noInternalVertxClasses() {
    Pattern internal = Pattern.compile("\\bio\\.vertx\\.[\\w.]*?(\\.impl\\.|\\.internal\\.|Internal\\b)");
    StringBuilder bad = new StringBuilder();
    for (SourceGraph.SourceFile f : graph.files) {
      var m = internal.matcher(f.code());
      while (m.find()) {
        bad.append("\n  ").append(f.path()).append(": ").append(m.group());
      }
    }
    assertEquals("", bad.toString(), "internal Vert.x classes (not part of its API) are used:");
  }
}
