package org.ensemble.server.attribution;

import java.util.Locale;

/**
 * What an edit under the AI's identity does with a suggestion: writes it as a candidate, moves it
 * into the tracks when a person accepts it (all of it, or a selection), or removes it when a person
 * rejects it. The acceptance statistics count these.
 */
public enum AiAction {
  SUGGEST, ACCEPT, ACCEPT_IN_PART, REJECT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean isAcceptance() {
    return this == ACCEPT || this == ACCEPT_IN_PART;
  }
}
