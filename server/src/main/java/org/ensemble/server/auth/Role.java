package org.ensemble.server.auth;

import java.util.Locale;

/**
 * What a member may do in a project. Viewers sync and show presence but cannot change the document
 * (a teacher's class example); editors write; owners also rename, delete and manage members.
 */
public enum Role {
  VIEWER, EDITOR, OWNER;

  public boolean canWrite() {
    return this != VIEWER;
  }

  public boolean canManage() {
    return this == OWNER;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "owner", "editor" or "viewer"; null for anything else. */
  public static Role parse(String s) {
    if (s == null) {
      return null;
    }
    for (Role r : values()) {
      if (r.wireName().equals(s.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    return null;
  }
}
