package org.ensemble.protocol.crdt;

import java.util.List;
import java.util.Map;

/**
 * What an update inserts and deletes, read without a document: per client, the clock ranges of its
 * structs (gaps excluded), and its delete set. The server attributes edits from these.
 */
public record UpdateContents(Map<Long, List<IdRange>> inserted, DeleteSet deleted) {}
