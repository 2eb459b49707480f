package org.ensemble.server.sync;

import java.net.URI;
import java.util.List;

/**
 * Which browser origins may connect. Non-browser clients send no {@code Origin} header and are
 * judged by their token alone. With no origins configured, only the server's own origin is allowed;
 * {@code "*"} allows every origin.
 */
public final class Origins {
  private final List<String> allowed;

  public Origins(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** @param host the request's Host header (host:port), for the same-origin rule */
  public boolean allows(String origin, String host) {
    if (origin == null || origin.isBlank() || allowed.contains("*") || allowed.contains(origin)) {
      return true;
    }
    if (allowed.isEmpty() && host != null) {
      try {
        URI u = URI.create(origin);
        String originHost = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
        return host.equalsIgnoreCase(originHost);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }
}
