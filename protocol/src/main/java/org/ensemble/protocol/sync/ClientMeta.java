package org.ensemble.protocol.sync;

/**
 * What {@link Awareness} knows about a client besides its state (y-protocols' {@code MetaClientState}).
 *
 * @param clock the client's awareness clock: a state is only replaced by one with a higher clock (or
 *     removed by a {@code null} state with the same clock)
 * @param lastUpdated when this replica last accepted a state from the client, in the milliseconds of
 *     the awareness clock; a remote client silent for {@link Awareness#OUTDATED_TIMEOUT_MS} is removed
 */
public record ClientMeta(long clock, long lastUpdated) {}
