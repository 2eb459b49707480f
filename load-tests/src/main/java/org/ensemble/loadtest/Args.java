package org.ensemble.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options after a command word. */
final class Args {
  private final String command;
  private final Map<String, String> options = new HashMap<>();

  Args(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("a command is needed");
    }
    command = args[0];
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value at " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
  }

  String command() {
    return command;
  }

  String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  String required(String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is needed");
    }
    return v;
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(get(name, Integer.toString(fallback)));
  }

  double decimal(String name, double fallback) {
    return Double.parseDouble(get(name, Double.toString(fallback)));
  }

  List<Double> decimals(String name, String fallback) {
    List<Double> out = new ArrayList<>();
    for (String s : get(name, fallback).split(",")) {
      out.add(Double.parseDouble(s.trim()));
    }
    return out;
  }

  List<Integer> integers(String name, String fallback) {
    return decimals(name, fallback).stream().map(Double::intValue).toList();
  }

  /** A list of words separated by spaces (JVM options). */
  List<String> words(String name) {
    String v = get(name, "").trim();
    return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
  }
}
