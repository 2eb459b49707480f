package org.ensemble.loadtest.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process and the machine's load average, from {@code /proc}. */
public final class ProcStats {
  /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux). */
  static final long TICKS_PER_SECOND = 100;

  private ProcStats() {}

  /** User plus system CPU time of {@code pid} in milliseconds; -1 if unreadable. */
  public static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The 1-minute load average; -1 if unreadable. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
