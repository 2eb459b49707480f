package org.ensemble.protocol.crdt;

import java.util.Set;

/** Subdocuments that a transaction loaded, added or removed. */
public record SubdocsEvent(Set<Doc> loaded, Set<Doc> added, Set<Doc> removed) {}
