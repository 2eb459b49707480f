package org.ensemble.loadtest.metrics;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every measured delivery, written to a file when the tool exits: for finding out <em>when</em> the
 * slow deliveries happened (spread out, or clustered in stalls that can be set beside GC logs). Off
 * unless {@code -Dloadtest.trace=FILE} is given.
 *
 * <p>File: a first line {@code # OFFSET}, the wall clock in microseconds since the epoch at {@link
 * Clock} zero; then one line per delivery: send time, receive time (both {@link Clock} microseconds)
 * and the receiving event-loop thread's id.
 */
final class LatencyTrace {
  private static final String PROPERTY = "loadtest.trace";
  private static final Queue<long[]> DELIVERIES = start(System.getProperty(PROPERTY));

  private LatencyTrace() {}

  static void delivered(long sentAtMicros, long receivedAtMicros) {
    if (DELIVERIES != null) {
      DELIVERIES.add(new long[] {sentAtMicros, receivedAtMicros, Thread.currentThread().getId()});
    }
  }

  private static Queue<long[]> start(String file) {
    if (file == null) {
      return null;
    }
    Queue<long[]> deliveries = new ConcurrentLinkedQueue<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(file), deliveries)));
    return deliveries;
  }

  private static void write(Path file, Queue<long[]> deliveries) {
    try (PrintWriter out = new PrintWriter(file.toFile())) {
      out.println("# " + (System.currentTimeMillis() * 1000 - Clock.micros()));
      for (long[] d : deliveries) {
        out.println(d[0] + " " + d[1] + " " + d[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
