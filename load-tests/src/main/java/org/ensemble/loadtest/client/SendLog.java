package org.ensemble.loadtest.client;

import java.util.concurrent.ConcurrentHashMap;

/**
 * When each timed edit was sent, by its writer's client id and the clock its first struct got: a
 * probe receiver that reads only an update's header ({@link UpdateHeader}) finds the send time here.
 * Writers and readers share the process, so no time travels in the document.
 */
public final class SendLog {
  private final ConcurrentHashMap<Long, ConcurrentHashMap<Long, Long>> byClient = new ConcurrentHashMap<>();

  public void sent(long client, long clock, long sentAtMicros) {
    byClient.computeIfAbsent(client, c -> new ConcurrentHashMap<>()).put(clock, sentAtMicros);
  }

  /** The send time, or -1 when the update was not a logged edit (seeding, a track). */
  public long sentAt(UpdateHeader header) {
    ConcurrentHashMap<Long, Long> clocks = byClient.get(header.client());
    Long at = clocks == null ? null : clocks.get(header.clock());
    return at == null ? -1 : at;
  }
}
