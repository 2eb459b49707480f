package org.ensemble.cowriter.cli;

import java.util.HashMap;
import java.util.Map;

/** Parses {@code --name value} options of the generation commands, refusing unknown ones. */
public final class CommandLine {
  private final Map<String, String> options = new HashMap<>();

  public CommandLine(String[] args, String... known) {
    java.util.Set<String> allowed = java.util.Set.of(known);
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !allowed.contains(name.substring(2)) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unexpected argument " + name + "; options: --" + String.join(" --", known));
      }
      options.put(name.substring(2), args[++i]);
    }
  }

  public String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  public int getInt(String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  public long getLong(String name, long fallback) {
    return options.containsKey(name) ? Long.parseLong(options.get(name)) : fallback;
  }

  public double getDouble(String name, double fallback) {
    return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
  }
}
