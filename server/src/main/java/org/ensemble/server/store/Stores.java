package org.ensemble.server.store;

import org.ensemble.server.ServerConfig;

/** The document and metadata stores the configuration asks for. */
public record Stores(DocumentStore documents, MetadataStore metadata) {

  public static Stores open(ServerConfig config) {
    throw new UnsupportedOperationException("wired once the store implementations land");
  }
}
