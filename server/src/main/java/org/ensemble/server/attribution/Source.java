package org.ensemble.server.attribution;

import java.util.Locale;

/** Whether a person or the AI wrote something. */
public enum Source {
  HUMAN, AI;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
