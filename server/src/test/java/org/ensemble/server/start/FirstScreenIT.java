package org.ensemble.server.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ensemble.server.testing.ShippedModel;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees when the server starts (the real Main, the shipped model loaded at start, on a
 * machine without a GPU): no colour codes, no CUDA warnings, the AI's engine named once, the URL last.
 */
class FirstScreenIT {
  @TempDir
  Path dir;

  @Test
  void theFirstScreenIsCleanAndEndsWithTheUrl() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.ensemble.server.Main", "--port", "0", "--data-dir", dir.resolve("data").toString())
        .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ENSEMBLE_"));
    pb.environment().put("ENSEMBLE_JWT_SECRET", TestServer.SECRET);
    pb.environment().put("ENSEMBLE_GENERATION", "eager");
    pb.environment().put("ENSEMBLE_GENERATION_MODEL_DIR", ShippedModel.dir().toString());
    Process p = pb.start();
    try {
      List<String> lines = new ArrayList<>();
      CompletableFuture<Void> url = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(line);
            }
            if (line.startsWith("Ensemble is running: open http://")) {
              url.complete(null);
            }
          }
          url.completeExceptionally(new IllegalStateException("the server exited: " + lines));
        } catch (Exception e) {
          url.completeExceptionally(e);
        }
      }, "first-screen");
      reader.setDaemon(true);
      reader.start();
      url.get(120, TimeUnit.SECONDS);
      List<String> screen;
      synchronized (lines) {
        screen = List.copyOf(lines);
      }
      String text = String.join("\n", screen);
      assertFalse(text.contains("\u001b["), "no raw colour codes:\n" + text);
      assertFalse(text.contains("CUDA"), "no CUDA warnings on a CPU machine:\n" + text);
      assertFalse(text.contains("WARNING") || text.contains("SEVERE"), "no warnings:\n" + text);
      assertEquals(1, screen.stream().filter(l -> l.contains("PyTorch")).count(), "the engine named once:\n" + text);
      assertTrue(screen.stream().anyMatch(l -> l.matches("\\s+AI co-writer\\s+ready, PyTorch .* on the CPU")), text);
      List<String> nonEmpty = screen.stream().filter(l -> !l.isBlank()).toList();
      assertTrue(nonEmpty.get(nonEmpty.size() - 1).startsWith("Ensemble is running: open http://localhost:"),
          "the URL last:\n" + text);
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
