package org.ensemble.loadtest.servers;

import java.util.ArrayList;
import java.util.List;

/**
 * The CPUs a server under test may run on ({@code --server-cpus}, a {@code taskset} list such as
 * {@code 0-1}), or any CPU. On two cores the load clients compete with the server they measure; on a
 * machine with cores to spare, {@code run.sh} gives the tool cores of its own ({@code TOOL_CPUS}) and
 * every server the same others ({@code SERVER_CPUS}). Applied at launch, so that a server sizes its
 * threads (event loops, collector) to the CPUs it gets.
 */
public record CpuPinning(String cpus) {
  public static final CpuPinning ANY = new CpuPinning("");

  public CpuPinning {
    if (!cpus.matches("[0-9,-]*")) {
      throw new IllegalArgumentException("--server-cpus takes a CPU list such as 0-1 or 0,2: " + cpus);
    }
  }

  /** {@code command}, started under {@code taskset} when CPUs are named. */
  public List<String> launch(List<String> command) {
    if (cpus.isEmpty()) {
      return command;
    }
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus));
    pinned.addAll(command);
    return pinned;
  }
}
