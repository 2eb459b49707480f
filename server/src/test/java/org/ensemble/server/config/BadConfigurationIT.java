package org.ensemble.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real start ({@code org.ensemble.server.Main}) with a bad configuration: one line naming the key, no stack trace. */
class BadConfigurationIT {
  @TempDir
  Path dir;

  @Test
  void anUnknownKeyInTheFileStopsTheStart() throws Exception {
    Path file = dir.resolve("ensemble.json");
    Files.writeString(file, "{\"port\": 0, \"dataDirectory\": \"elsewhere\"}");
    List<String> out = run(Map.of(), "--config", file.toString());
    assertEquals(1, out.size(), "one line: " + out);
    assertTrue(out.get(0).startsWith("Ensemble could not start: unknown setting \"dataDirectory\""), out.get(0));
  }

  @Test
  void aBadValueInTheEnvironmentStopsTheStart() throws Exception {
    List<String> out = run(Map.of("ENSEMBLE_GENERATION", "always"), "--port", "0");
    assertEquals(List.of("Ensemble could not start: setting \"generation\" (from ENSEMBLE_GENERATION) must be one of"
        + " off | lazy | eager, not \"always\""), out);
  }

  /** The output of a start that must fail with exit status 2 (nothing is left running). */
  private List<String> run(Map<String, String> env, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.ensemble.server.Main", "--data-dir", dir.resolve("data").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ENSEMBLE_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the start did not stop");
      assertEquals(2, p.exitValue());
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } finally {
      p.destroyForcibly();
    }
  }
}
