package org.ensemble.server.config;

/** A setting that cannot be used, named with where it came from; stops the start with one line. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
