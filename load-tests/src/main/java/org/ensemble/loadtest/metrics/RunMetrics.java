package org.ensemble.loadtest.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one run record. Latency is kept for edits <em>sent</em> inside the measurement
 * window (wherever they arrive, so a backlog shows up as latency); throughput counts deliveries
 * <em>received</em> inside the window. A delivery is one edit arriving at one other client.
 */
public final class RunMetrics {
  private final Samples latencyMicros = new Samples();
  private final Samples connectMicros = new Samples();
  private final Errors errors = new Errors();
  /** The send time of every edit: counted against the window once it is closed (no race at its edges). */
  private final Samples editTimes = new Samples();
  private final LongAdder deliveredInWindow = new LongAdder();
  private final LongAdder messagesReceived = new LongAdder();
  private final LongAdder messagesSent = new LongAdder();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;

  public void openWindow(long startMicros) {
    windowStart = startMicros;
  }

  public void closeWindow(long endMicros) {
    windowEnd = endMicros;
  }

  public long windowMicros() {
    return windowEnd - windowStart;
  }

  private boolean inWindow(long t) {
    return t >= windowStart && t < windowEnd;
  }

  public void editSent(long sentAtMicros) {
    editTimes.add(sentAtMicros);
  }

  public void delivered(long sentAtMicros, long receivedAtMicros) {
    if (inWindow(sentAtMicros)) {
      latencyMicros.add(Math.max(0, receivedAtMicros - sentAtMicros));
      LatencyTrace.delivered(sentAtMicros, receivedAtMicros);
    }
    if (inWindow(receivedAtMicros)) {
      deliveredInWindow.increment();
    }
  }

  public void connected(long micros) {
    connectMicros.add(micros);
  }

  public void messageReceived() {
    messagesReceived.increment();
  }

  public void messageSent() {
    messagesSent.increment();
  }

  public Errors errors() {
    return errors;
  }

  public Samples latency() {
    return latencyMicros;
  }

  public Samples connectTimes() {
    return connectMicros;
  }

  /** Edits sent inside the window (call after it closed). */
  public long editsInWindow() {
    return editTimes.count(windowStart, windowEnd);
  }

  public long deliveredInWindow() {
    return deliveredInWindow.sum();
  }

  public long messagesReceived() {
    return messagesReceived.sum();
  }

  public long messagesSent() {
    return messagesSent.sum();
  }
}
