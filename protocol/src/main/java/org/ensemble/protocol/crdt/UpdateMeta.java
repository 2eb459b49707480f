package org.ensemble.protocol.crdt;

/** The clock range each client's structs span in an update: from the first clock to past the last. */
public record UpdateMeta(StateVector from, StateVector to) {}
