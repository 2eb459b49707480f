package org.ensemble.loadtest.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPinningTest {

  @Test
  void aProcessLaunchedPinnedRunsOnlyOnTheNamedCpus() throws Exception {
    List<String> command = new CpuPinning("0").launch(List.of("grep", "Cpus_allowed_list", "/proc/self/status"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.matches("Cpus_allowed_list:\\s+0"), out);
  }

  @Test
  void withoutCpusTheCommandIsUnchanged() {
    List<String> command = List.of("node", "server.js");
    assertEquals(command, CpuPinning.ANY.launch(command));
    assertEquals(List.of("taskset", "-c", "0-1,3", "node", "server.js"), new CpuPinning("0-1,3").launch(command));
  }

  @Test
  void aListThatIsNotCpuNumbersIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CpuPinning("0; rm -rf /"));
    assertThrows(IllegalArgumentException.class, () -> new CpuPinning("all"));
  }
}
