package org.ensemble.server.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The file name a download gets: the project's title (what a musician looks for in their downloads
 * folder), not its id. An ASCII fallback for old clients and the exact title in UTF-8 (RFC 6266).
 */
final class DownloadNames {
  private static final int MAX = 120;

  private DownloadNames() {}

  /** The {@code Content-Disposition} value for a download of {@code title} with {@code extension}. */
  static String attachment(String title, String extension) {
    String base = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").replaceAll("\\s+", " ").trim();
    if (base.length() > MAX) {
      base = base.substring(0, MAX).trim();
    }
    if (base.isEmpty()) {
      base = "Untitled";
    }
    String name = base + "." + extension;
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
