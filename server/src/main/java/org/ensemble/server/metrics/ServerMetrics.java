package org.ensemble.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own meters, exported in Prometheus format on {@code /metrics}: rooms and connections
 * now, messages and bytes in and out (rates come from the counters), how long applying and storing
 * an update takes, and refused messages by reason.
 */
public final class ServerMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger rooms = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final Counter messagesIn;
  private final Counter messagesOut;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final Timer applyLatency;
  private final Timer storeLatency;
  private final ConcurrentHashMap<String, Counter> refused = new ConcurrentHashMap<>();

  public ServerMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("ensemble_rooms", rooms, AtomicInteger::get).description("Documents loaded in rooms").register(registry);
    Gauge.builder("ensemble_connections", connections, AtomicInteger::get).description("Open sync connections").register(registry);
    messagesIn = Counter.builder("ensemble_messages_in").description("Sync messages received").register(registry);
    messagesOut = Counter.builder("ensemble_messages_out").description("Sync messages sent").register(registry);
    bytesIn = Counter.builder("ensemble_bytes_in").baseUnit("bytes").description("Sync bytes received").register(registry);
    bytesOut = Counter.builder("ensemble_bytes_out").baseUnit("bytes").description("Sync bytes sent").register(registry);
    applyLatency = Timer.builder("ensemble_update_apply").description("Applying an update to a room's document")
        .publishPercentiles(0.5, 0.99).register(registry);
    storeLatency = Timer.builder("ensemble_update_store").description("Storing an update durably")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void roomOpened() {
    rooms.incrementAndGet();
  }

  public void roomClosed() {
    rooms.decrementAndGet();
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public int openConnections() {
    return connections.get();
  }

  public int openRooms() {
    return rooms.get();
  }

  public void received(int bytes) {
    messagesIn.increment();
    bytesIn.increment(bytes);
  }

  public void sent(int bytes) {
    messagesOut.increment();
    bytesOut.increment(bytes);
  }

  public void applied(long nanos) {
    applyLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void stored(Duration d) {
    storeLatency.record(d);
  }

  /** Counts a refused message or connection; {@code reason} is a short tag such as "malformed". */
  public void refused(String reason) {
    refused.computeIfAbsent(reason, r -> Counter.builder("ensemble_refused").tag("reason", r)
        .description("Messages and connections refused, by reason").register(registry)).increment();
  }
}
