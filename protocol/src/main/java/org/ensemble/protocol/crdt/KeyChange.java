package org.ensemble.protocol.crdt;

/** How one key of a map changed in a transaction: "add", "update" or "delete", and the value before. */
public record KeyChange(String action, Object oldValue) {}
