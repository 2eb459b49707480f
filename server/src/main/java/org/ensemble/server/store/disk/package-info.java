/**
 * The embedded stores: plain files, nothing to install. {@link
 * org.ensemble.server.store.disk.DiskDocumentStore} (per-document logs with group commit, crash-safe
 * compaction and recovery of torn tails) and {@link org.ensemble.server.store.disk.DiskMetadataStore}
 * (one file per key, replaced atomically). The record format is in {@code RecordFormat}, the
 * compaction protocol in {@code Compactions}, the writer thread in {@code GroupCommitWriter}.
 */
package org.ensemble.server.store.disk;
